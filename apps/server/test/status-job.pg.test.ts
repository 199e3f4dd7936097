import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../src/bootstrap.ts';
import { loadConfig, type Config } from '../src/config.ts';
import type { Database } from '../src/db/database.ts';
import { systemContext } from '../src/http/context.ts';
import { countDueStatuses, refreshDue } from '../src/modules/tasks/index.ts';
import { todayVn } from '../src/modules/tasks/reporting-period.ts';
import { createServices, type Services } from '../src/services.ts';
import type { TestEnv } from './harness.ts';
import { findPgBouncer, startPgBouncer, type PgBouncer } from './pgbouncer.ts';
import { createProgramme, createTask } from './tasks-factories.ts';

/**
 * The status job (ADR 0010) on two instances behind PgBouncer in TRANSACTION mode (3 server connections for
 * both pools): run at the same time, they recompute every due row exactly once between them. Each batch is
 * one transaction (claim FOR UPDATE SKIP LOCKED, recompute, write); nothing is kept on a server connection
 * between transactions, which the pooler would hand to the other instance. Pg stage only (*.pg.test.ts).
 */
const CI = !!process.env.CI && !['0', 'false'].includes(process.env.CI.toLowerCase());
const serverUrl = process.env.TEST_DATABASE_URL ?? '';

let bouncer: PgBouncer;
let dbName: string;
const instances: { database: Database; services: Services; rootId: string }[] = [];

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

describe.skipIf(!serverUrl || (!findPgBouncer() && !CI))('status job on two instances (PgBouncer)', () => {
  beforeAll(async () => {
    dbName = `pilotage_status_${randomBytes(5).toString('hex')}`;
    await admin((c) => c.query(`create database ${dbName}`));
    bouncer = await startPgBouncer(serverUrl, 3);
    const config = (): Config => ({
      ...loadConfig({}, {}),
      databaseUrl: bouncer.urlFor(dbName),
      dataDir: ':memory:',
      demo: false,
      webDist: '/nonexistent',
    });
    for (const s of await Promise.all([bootstrap(config()), bootstrap(config())]))
      instances.push({
        database: s.database,
        services: createServices(s.database, config()),
        rootId: s.rootId,
      });
  }, 180_000);

  afterAll(async () => {
    for (const i of instances) await i.database.close();
    await bouncer?.stop();
    if (dbName) await admin((c) => c.query(`drop database if exists ${dbName} with (force)`));
  });

  it('both run refreshDue at once: every due row recomputed exactly once, by one of them', async () => {
    const [a, b] = instances as [(typeof instances)[0], (typeof instances)[0]];
    const env = { database: a.database, services: a.services, rootId: a.rootId } as TestEnv;
    const ctx = systemContext(a.rootId, 'status-job-test');
    const programme = await createProgramme(env);
    for (const deadline of ['2025-06-30', '2026-06-30']) {
      const task = await createTask(env, programme.id, { deadline });
      await a.services.tasks.assignments.assign(ctx, task.id, { allOfKind: 'province' });
      const roots = await a.database.db
        .selectFrom('assignment')
        .select('id')
        .where('task_id', '=', task.id)
        .execute();
      for (const r of roots) await a.services.tasks.assignments.cascade(ctx, r.id, { allChildren: true });
    }
    const db = a.database.db;
    // as if midnight passed: every row is due, its stored status last computed long ago
    await db
      .updateTable('assignment')
      .set({ status_on: '2000-01-01', status_recheck_on: '2000-01-01' })
      .execute();
    const today = todayVn();
    const due = await countDueStatuses(db, today);
    expect(due).toBeGreaterThan(3 * 2000); // several batches each, so the two interleave

    const seen: string[][] = [[], []];
    const [na, nb] = await Promise.all([
      refreshDue(a.database.db, today, (ids) => seen[0]!.push(...ids)),
      refreshDue(b.database.db, today, (ids) => seen[1]!.push(...ids)),
    ]);
    const all = [...seen[0]!, ...seen[1]!];
    expect(na + nb).toBe(due); // the sum of both instances' writes…
    expect(all).toHaveLength(due);
    expect(new Set(all).size).toBe(due); // …and no row written twice (by one instance or by both)
    expect(await countDueStatuses(db, today)).toBe(0);
    const stale = await db
      .selectFrom('assignment')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status_on', '<>', today)
      .executeTakeFirstOrThrow();
    expect(Number(stale.n)).toBe(0); // every row recomputed as of today
    // nothing left on the server connections: no advisory lock, no other session-level state to depend on
    const locks = await admin((c) =>
      c.query(`select count(*)::int as n from pg_locks where locktype = 'advisory'`),
    );
    expect(locks.rows[0].n).toBe(0);
    console.info(`status job: ${due} due rows, instance A wrote ${na}, B ${nb}`);
  }, 180_000);
});
