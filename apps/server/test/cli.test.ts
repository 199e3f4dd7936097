import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { DEMO_ACCOUNTS } from '../src/demo/accounts.ts';
import { seedDemo } from '../src/demo/index.ts';
import { verifyPassword } from '../src/modules/identity/password.ts';
import { TEMPLATE_DB } from './template.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
/** Each step spawns Node with tsx and opens the database: generous limits for loaded CI machines. */
const SLOW = 240_000;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** A database of its own that the CLI opens through the server's environment variables. */
interface Target {
  env: Record<string, string>;
  open(): Promise<Database>;
  cleanup(): Promise<void>;
}

async function makeTarget(): Promise<Target> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `pilotage_cli_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${TEMPLATE_DB}`);
    await admin.end();
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${name}`;
    const keys = await mkdtemp(path.join(tmpdir(), 'pilotage-cli-keys-'));
    return {
      env: {
        DATABASE_URL: dbUrl.toString(),
        PILOTAGE_DATA_DIR: '/nonexistent',
        PILOTAGE_AUDIT_KEY_FILE: path.join(keys, 'audit-key.pem'),
        PILOTAGE_AUDIT_CHECKPOINT_FILE: path.join(keys, 'checkpoints.jsonl'),
      },
      open: () => openDatabase({ databaseUrl: dbUrl.toString(), poolSize: 2 }),
      async cleanup() {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
        await rm(keys, { recursive: true, force: true });
      },
    };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'pilotage-cli-'));
  const dataDir = path.join(dir, 'data');
  return {
    env: { DATABASE_URL: '', PILOTAGE_DATA_DIR: dataDir },
    open: () => openDatabase({ dataDir }),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

function run(
  script: 'audit-verify' | 'admin-create',
  args: string[],
  env: Record<string, string>,
): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', `apps/server/src/cli/${script}.ts`, ...args],
      { cwd: ROOT, env: { ...process.env, PILOTAGE_ADMIN_PASSWORD: '', ...env }, timeout: SLOW },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Runs fn on the target database, closed again afterwards (PGlite: one process at a time). */
async function withDb<T>(fn: (db: Database['db']) => Promise<T>): Promise<T> {
  const database = await target.open();
  try {
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

const eventCount = () =>
  withDb(async (db) =>
    Number(
      (
        await db
          .selectFrom('audit_event')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  );

let target: Target;
beforeAll(async () => {
  target = await makeTarget();
  const config = loadConfig(
    { ...target.env },
    { databaseUrl: target.env.DATABASE_URL || undefined, dataDir: target.env.PILOTAGE_DATA_DIR! },
  );
  const { database, services, rootId } = await bootstrap(config);
  await seedDemo(database.db, services, rootId);
  await services.audit.seal();
  await database.close();
}, SLOW);
afterAll(() => target.cleanup());

describe('npm run audit:verify', () => {
  it('passes on a freshly bootstrapped database with the demo data', { timeout: SLOW }, async () => {
    const events = await eventCount();
    expect(events).toBeGreaterThanOrEqual(DEMO_ACCOUNTS.length);
    const res = await run('audit-verify', [], target.env);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain(`${events} events checked`);
  });

  it('exits 2 when there is no database to verify', { timeout: SLOW }, async () => {
    const res = await run('audit-verify', [], {
      DATABASE_URL: '',
      PILOTAGE_DATA_DIR: path.join(tmpdir(), `missing-${randomBytes(4).toString('hex')}`),
    });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('no database');
  });
});

describe('npm run admin:create', () => {
  const password = 'ops-password-2025';

  it('creates an administrator at the national root, audited as the system', { timeout: SLOW }, async () => {
    const res = await run('admin-create', ['--username', 'ops.admin', '--name', 'Quản trị vận hành'], {
      ...target.env,
      PILOTAGE_ADMIN_PASSWORD: password,
    });
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('ops.admin');
    await withDb(async (db) => {
      const user = await db
        .selectFrom('app_user')
        .innerJoin('org_unit', 'org_unit.id', 'app_user.org_unit_id')
        .select([
          'app_user.id',
          'app_user.roles',
          'app_user.display_name',
          'app_user.password_hash',
          'org_unit.code',
        ])
        .where('username', '=', 'ops.admin')
        .executeTakeFirstOrThrow();
      expect(user).toMatchObject({ roles: ['admin'], display_name: 'Quản trị vận hành', code: 'VN' });
      expect(await verifyPassword(user.password_hash, password)).toBe(true);
      const event = await db
        .selectFrom('audit_event')
        .selectAll()
        .where('entity_id', '=', user.id)
        .executeTakeFirstOrThrow();
      expect(event).toMatchObject({ action: 'user.create', actor_name: 'admin:create', actor_user_id: null });
      expect(JSON.stringify(event)).not.toContain(password);
    });
  });

  it('creates an administrator in another unit with --unit and --password', { timeout: SLOW }, async () => {
    const res = await run(
      'admin-create',
      ['--username', 'hanoi.admin', '--password', password, '--unit', '01'],
      target.env,
    );
    expect(res.code, res.stderr).toBe(0);
    const code = await withDb(
      async (db) =>
        (
          await db
            .selectFrom('app_user')
            .innerJoin('org_unit', 'org_unit.id', 'app_user.org_unit_id')
            .select('org_unit.code')
            .where('username', '=', 'hanoi.admin')
            .executeTakeFirstOrThrow()
        ).code,
    );
    expect(code).toBe('01');
  });

  it(
    'refuses a taken username, a weak password, an unknown unit; usage errors exit 2',
    { timeout: SLOW },
    async () => {
      const before = await eventCount();
      // refused before the database is opened: these can run side by side
      const [weak, noPassword, unknownOption] = await Promise.all([
        run('admin-create', ['--username', 'weak.admin', '--password', 'short'], target.env),
        run('admin-create', ['--username', 'x.admin'], target.env),
        run('admin-create', ['--username', 'y.admin', '--password', password, '--role', 'x'], target.env),
      ]);
      expect(weak.code).toBe(1);
      expect(weak.stderr).toContain('--password');
      expect(noPassword.code).toBe(2);
      expect(noPassword.stderr).toContain('Usage');
      expect(unknownOption.code).toBe(2);
      // refused by the database: one process at a time on a PGlite directory
      const taken = await run(
        'admin-create',
        ['--username', 'ops.admin', '--password', password],
        target.env,
      );
      expect(taken.code).toBe(1);
      expect(taken.stderr).toContain('already taken');
      const unit = await run(
        'admin-create',
        ['--username', 'lost.admin', '--password', password, '--unit', 'NOWHERE'],
        target.env,
      );
      expect(unit.code).toBe(1);
      expect(unit.stderr).toContain('NOWHERE');
      const names = await withDb(async (db) =>
        (await db.selectFrom('app_user').select('username').execute()).map((u) => u.username),
      );
      for (const n of ['weak.admin', 'lost.admin', 'x.admin', 'y.admin']) expect(names).not.toContain(n);
      expect(await eventCount()).toBe(before);
    },
  );
});

describe('audit:verify after tampering', () => {
  it(
    'passes after the CLI wrote its events (--json), then fails (exit 1) at the row altered by hand',
    { timeout: SLOW },
    async () => {
      const ok = await run('audit-verify', ['--json'], target.env);
      expect(ok.code, ok.stderr).toBe(0);
      expect(JSON.parse(ok.stdout)).toMatchObject({
        ok: true,
        checked: await eventCount(),
        brokenAtSeq: null,
      });
      const original = await withDb(async (db) => {
        const row = await db
          .selectFrom('audit_event')
          .innerJoin('audit_seal', 'audit_seal.event_id', 'audit_event.id')
          .select(['audit_seal.seq', 'audit_event.id', 'audit_event.after'])
          .where('action', '=', 'user.create')
          .orderBy('audit_seal.seq')
          .executeTakeFirstOrThrow();
        await db
          .updateTable('audit_event')
          .set({ after: JSON.stringify({ username: 'someone-else' }) })
          .where('id', '=', row.id)
          .execute();
        return row;
      });
      const res = await run('audit-verify', [], target.env);
      expect(res.code).toBe(1);
      expect(res.stderr).toContain(`BROKEN at seq ${original.seq}`);
      expect(res.stderr).toContain('content does not match');
      await withDb((db) =>
        db
          .updateTable('audit_event')
          .set({ after: JSON.stringify(original.after) })
          .where('id', '=', original.id)
          .execute(),
      );
    },
  );

  it('fails when the last event was deleted', { timeout: SLOW }, async () => {
    await withDb(async (db) => {
      const last = await db
        .selectFrom('audit_seal')
        .select(['seq', 'event_id'])
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      await db.deleteFrom('audit_seal').where('seq', '=', last.seq).execute();
      await db.deleteFrom('audit_event').where('id', '=', last.event_id).execute();
    });
    const res = await run('audit-verify', [], target.env);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/BROKEN at seq \d+: chain head does not match/);
  });

  it(
    'fails when the head was moved back too (caught by the signed checkpoint)',
    { timeout: SLOW },
    async () => {
      await withDb(async (db) => {
        const last = await db
          .selectFrom('audit_seal')
          .select(['seq', 'hash'])
          .orderBy('seq', 'desc')
          .executeTakeFirstOrThrow();
        await db
          .updateTable('audit_chain_head')
          .set({ seq: last.seq, hash: last.hash })
          .where('id', '=', 1)
          .execute();
      });
      const res = await run('audit-verify', [], target.env);
      expect(res.code).toBe(1);
      expect(res.stderr).toMatch(/BROKEN at seq \d+: .*signed checkpoint covers seq/);
    },
  );
});
