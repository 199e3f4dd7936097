import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { bootstrap } from '../src/bootstrap.ts';
import { loadConfig, type Config } from '../src/config.ts';
import type { Database } from '../src/db/database.ts';
import { newId } from '../src/db/ids.ts';
import { inTransaction } from '../src/db/transaction.ts';
import { recordEvents } from '../src/modules/events/index.ts';
import { hashPassword } from '../src/modules/identity/password.ts';
import type { MailMessage, MailTransport } from '../src/modules/notifications/index.ts';
import { createServices, type Services } from '../src/services.ts';
import type { TestEnv } from './harness.ts';
import { findPgBouncer, startPgBouncer, type PgBouncer } from './pgbouncer.ts';
import { startServerProcess } from './server-process.ts';
import { assign, createProgramme, createTask } from './tasks-factories.ts';

/**
 * Issue 6 item 6: two stateless server instances on one PostgreSQL, pooled by PgBouncer in TRANSACTION mode
 * with fewer server connections than client connections. Runs in the pg stage only (*.pg.test.ts); on CI a
 * missing pgbouncer fails instead of skipping.
 */
const CI = !!process.env.CI && !['0', 'false'].includes(process.env.CI.toLowerCase());
const serverUrl = process.env.TEST_DATABASE_URL ?? '';

class CountingTransport implements MailTransport {
  readonly kind = 'count';
  readonly sent: MailMessage[] = [];
  send(m: MailMessage) {
    this.sent.push(m);
    return Promise.resolve();
  }
}

interface Instance {
  database: Database;
  services: Services;
  app: FastifyInstance;
  base: string;
  mail: CountingTransport;
  rootId: string;
}

let bouncer: PgBouncer;
let dbName: string;
const instances: Instance[] = [];

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

describe.skipIf(!serverUrl || (!findPgBouncer() && !CI))(
  'two instances behind PgBouncer (transaction pooling)',
  () => {
    beforeAll(async () => {
      dbName = `pilotage_scale_${randomBytes(5).toString('hex')}`;
      await admin((c) => c.query(`create database ${dbName}`)); // empty: both instances migrate it
      bouncer = await startPgBouncer(serverUrl, 3);
      const config = (): Config => {
        const base = loadConfig({}, {});
        return {
          ...base,
          databaseUrl: bouncer.urlFor(dbName),
          dataDir: ':memory:',
          demo: false,
          webDist: '/nonexistent',
          // small batches so that the two dispatchers interleave over many claims
          dispatch: { ...base.dispatch, eventBatchSize: 5, mailBatchSize: 4 },
        };
      };
      const started = await Promise.all([bootstrap(config()), bootstrap(config())]);
      for (const s of started) {
        const cfg = config();
        const mail = new CountingTransport();
        const services = createServices(s.database, cfg, { mail });
        const app = await buildApp({ config: cfg, services });
        await app.listen({ port: 0, host: '127.0.0.1' });
        const { port } = app.server.address() as { port: number };
        instances.push({
          database: s.database,
          services,
          app,
          mail,
          base: `http://127.0.0.1:${port}`,
          rootId: s.rootId,
        });
      }
    }, 180_000);

    afterAll(async () => {
      for (const i of instances) {
        await i.app.close();
        await i.database.close();
      }
      await bouncer?.stop();
      if (dbName) await admin((c) => c.query(`drop database if exists ${dbName} with (force)`));
    });

    it('both start at once on an empty database: migrations applied once, one organisation', async () => {
      const [a, b] = instances as [Instance, Instance];
      expect(a.rootId).toBe(b.rootId);
      const files = (await readdir(path.join(import.meta.dirname, '../src/db/migrations'))).filter((f) =>
        f.endsWith('.sql'),
      );
      const applied = await a.database.db.selectFrom('schema_migration').select('name').execute();
      expect(applied.map((r) => r.name).sort()).toEqual(files.sort());
      const roots = await a.database.db
        .selectFrom('org_unit')
        .select('id')
        .where('parent_id', 'is', null)
        .execute();
      expect(roots).toHaveLength(1);
    });

    it('a session created on one instance is valid on the other, and so is its logout', async () => {
      const [a, b] = instances as [Instance, Instance];
      const username = `scale.${randomBytes(4).toString('hex')}`;
      await a.database.db
        .insertInto('app_user')
        .values({
          id: newId(),
          username,
          display_name: username,
          email: null,
          org_unit_id: a.rootId,
          roles: ['viewer'],
          password_hash: await hashPassword('scale-out-password'),
          active: true,
          search_key: username,
          updated_at: new Date(),
        })
        .execute();
      const login = await fetch(`${a.base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'scale-out-password' }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const me = await fetch(`${b.base}/api/me`, { headers: { cookie } });
      expect(me.status).toBe(200);
      expect(((await me.json()) as { user: { username: string } }).user.username).toBe(username);
      const out = await fetch(`${b.base}/api/auth/logout`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken },
      });
      expect(out.status).toBeLessThan(300);
      expect((await fetch(`${a.base}/api/me`, { headers: { cookie } })).status).toBe(401);
    });

    it('each due reminder, event and e-mail is handled exactly once across both instances', async () => {
      const [a, b] = instances as [Instance, Instance];
      const env = { database: a.database, services: a.services, rootId: a.rootId } as TestEnv;
      const provinces = await a.database.db
        .selectFrom('org_unit')
        .select(['id', 'code'])
        .where('kind', '=', 'province')
        .where('valid_to', 'is', null) // today's 34, not the 63 former provinces
        .execute();
      // an officer with an e-mail address in every province
      await a.database.db
        .insertInto('app_user')
        .values(
          provinces.map((p) => ({
            id: newId(),
            username: `officer.${p.code}.${randomBytes(3).toString('hex')}`,
            display_name: `Officer ${p.code}`,
            email: `officer.${p.code}@example.vn`,
            org_unit_id: p.id,
            roles: ['officer'],
            password_hash: null,
            active: true,
            search_key: `officer ${p.code}`,
            updated_at: new Date(),
          })),
        )
        .execute();
      const programme = await createProgramme(env, { escalationDays: 3 });
      const task = await createTask(env, programme.id, { deadline: '2025-06-30' });
      await assign(
        env,
        task.id,
        provinces.map((p) => p.code),
      );

      // the timers of both instances fire together: one run per date, forced runs compete on dedupe keys
      const runs = [
        ...(await Promise.all([
          a.services.notifications.reminders.runReminders('2025-07-02'),
          b.services.notifications.reminders.runReminders('2025-07-02'),
        ])),
        ...(await Promise.all([
          a.services.notifications.reminders.runReminders('2025-07-10', { force: true }),
          b.services.notifications.reminders.runReminders('2025-07-10', { force: true }),
        ])),
      ];
      expect(runs.slice(0, 2).filter((r) => r.ran)).toHaveLength(1);
      // both dispatchers drain what is left, concurrently
      await Promise.all([
        a.services.notifications.dispatchOnce(),
        b.services.notifications.dispatchOnce(),
        a.services.notifications.dispatchOnce(),
        b.services.notifications.dispatchOnce(),
      ]);

      const db = a.database.db;
      const events = await db
        .selectFrom('domain_event')
        .select(['type', 'attempts', 'processed_at', 'dedupe_key'])
        .execute();
      const reminders = events.filter((e) => e.type.startsWith('reminder.'));
      const createdByRuns = runs.reduce((n, r) => n + Object.values(r.created).reduce((x, y) => x + y, 0), 0);
      expect(reminders.length).toBe(createdByRuns); // no run counted an event another run recorded
      expect(reminders.filter((e) => e.type === 'reminder.overdue')).toHaveLength(provinces.length);
      expect(reminders.filter((e) => e.type === 'reminder.escalation')).toHaveLength(provinces.length);
      expect(events.every((e) => e.processed_at !== null)).toBe(true);
      expect(events.filter((e) => e.attempts !== 1)).toEqual([]); // never claimed twice

      const notes = await db.selectFrom('notification').select(['kind', 'dedupe_key']).execute();
      expect(notes.filter((n) => n.kind !== 'assignment_new')).toHaveLength(reminders.length);
      expect(notes.filter((n) => n.kind === 'assignment_new')).toHaveLength(provinces.length);

      const outbox = await db.selectFrom('mail_outbox').select(['attempts', 'sent_at']).execute();
      const sends = [...a.mail.sent, ...b.mail.sent];
      // officers get overdue, report missing and the new task; escalations go to the root (no e-mail there)
      expect(outbox.length).toBeGreaterThanOrEqual(2 * provinces.length);
      expect(outbox.every((m) => m.sent_at !== null && m.attempts === 1)).toBe(true);
      expect(sends).toHaveLength(outbox.length);
      expect(new Set(sends.map((m) => `${m.to}\n${m.subject}\n${m.text}`)).size).toBe(outbox.length);
      console.info(
        `scale-out: ${events.length} events, ${notes.length} notifications, ${outbox.length} e-mails ` +
          `(instance A sent ${a.mail.sent.length}, B ${b.mail.sent.length})`,
      );
    });

    it('two server processes (main.ts) both run their dispatch timers: every event and e-mail handled once', async () => {
      const [a] = instances as [Instance];
      const db = a.database.db;
      const code = `PROC-${randomBytes(3).toString('hex')}`;
      const targets = await db
        .selectFrom('assignment as s')
        .innerJoin('org_unit as u', 'u.id', 's.unit_id')
        .select(['s.id', 's.unit_id', 's.assigned_by_unit_id', 'u.name'])
        .where('u.kind', '=', 'province')
        .execute();
      const env = {
        DATABASE_URL: bouncer.urlFor(dbName),
        PILOTAGE_DISPATCH_INTERVAL_MS: '300',
        PILOTAGE_REMINDER_INTERVAL_MINUTES: '0',
        PILOTAGE_STATUS_JOB_INTERVAL_SECONDS: '0',
      };
      const procs = await Promise.all([1, 2].map(() => startServerProcess({ ...env, PORT: '0' })));
      try {
        // recorded here, in a third process: only the children's timers can pick them up
        for (let round = 0; round < 3; round++)
          await inTransaction(db, (tx) =>
            recordEvents(
              tx,
              targets.map((t) => ({
                event: {
                  type: 'report.returned' as const,
                  reportId: newId(),
                  assignmentId: t.id,
                  period: `2025-0${round + 1}`,
                  unitId: t.unit_id,
                  unitName: t.name,
                  assignedByUnitId: t.assigned_by_unit_id,
                  taskCode: code,
                  taskTitle: 'Hai tiến trình',
                  progress: 10,
                  reason: 'Bổ sung',
                },
              })),
            ),
          );
        const mine = () =>
          db
            .selectFrom('domain_event as e')
            .leftJoin('mail_outbox as m', 'm.event_id', 'e.id')
            .select(['e.attempts', 'e.processed_at', 'm.sent_at', 'm.attempts as mail_attempts'])
            .where(sql<boolean>`e.payload->>'taskCode' = ${code}`)
            .execute();
        const until = Date.now() + 60_000;
        let rows = await mine();
        while (rows.some((r) => !r.processed_at || !r.sent_at) && Date.now() < until) {
          await new Promise((r) => setTimeout(r, 200));
          rows = await mine();
        }
        expect(rows).toHaveLength(3 * targets.length); // one officer with an address per province
        expect(
          rows.every((r) => r.processed_at && r.sent_at && r.attempts === 1 && r.mail_attempts === 1),
        ).toBe(true);
        const lines = procs.map((p) =>
          p
            .output()
            .split('\n')
            .filter((l) => l.includes('[mail]') && l.includes(code)),
        );
        expect(lines[0]!.length + lines[1]!.length).toBe(rows.length);
        console.info(
          `scale-out (processes): ${rows.length} e-mails, ${lines[0]!.length} + ${lines[1]!.length}`,
        );
      } finally {
        expect(await Promise.all(procs.map((p) => p.stop()))).toEqual([0, 0]);
      }
    });
  },
);
