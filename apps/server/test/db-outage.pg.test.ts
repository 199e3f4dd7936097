import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { createServices } from '../src/services.ts';
import { createTestEnv, type TestEnv } from './harness.ts';
import { signedIn, uniq, type Client } from './factories.ts';

/**
 * Issue 7 item 2: the server must not die when PostgreSQL drops its connections; it answers 503 problem
 * (Retry-After) while the database is away and recovers by itself; no acknowledged write is lost.
 */
describe('database away', () => {
  it('GET /api/health answers 503 problem with Retry-After when the database refuses connections', async () => {
    // a PostgreSQL URL where nothing listens (port 1): every query fails with ECONNREFUSED
    const database = await openDatabase({ databaseUrl: 'postgres://nobody@127.0.0.1:1/none', poolSize: 2 });
    const config = loadConfig({}, { databaseUrl: undefined, dataDir: ':memory:', webDist: '/nonexistent' });
    const app = await buildApp({ config, services: createServices(database, config) });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/health' });
      expect(res.statusCode).toBe(503);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.headers['retry-after']).toBe('5');
      // any route that needs the database: a 503, not a 500
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'admin', password: 'whatever-password' },
      });
      expect(login.statusCode).toBe(503);
      expect(login.json().detail).toContain('Cơ sở dữ liệu');
    } finally {
      await app.close();
      await database.close();
    }
  });
});

const onPostgres = !!process.env.TEST_DATABASE_URL;

describe.skipIf(!onPostgres)('PostgreSQL terminates the backends under write load', () => {
  let env: TestEnv;
  let steering: Client;
  let admin: pg.Client;
  beforeAll(async () => {
    env = await createTestEnv();
    steering = (await signedIn(env, 'BCDCP', ['steering'])).client;
    admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await env.close();
  });

  it('answers 503 or succeeds, never crashes, recovers, and keeps every acknowledged write', async () => {
    const { rows } = await env.database.db
      .selectNoFrom((eb) => eb.fn<string>('current_database', []).as('name'))
      .execute()
      .then((r) => ({ rows: r }));
    const dbName = rows[0]!.name;
    const terminate = async () => {
      const r = await admin.query(
        'select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [dbName],
      );
      return (r.rows[0] as { n: number }).n;
    };

    const prefix = uniq('OUT-');
    const acknowledged: string[] = [];
    const statuses = new Map<number, number>();
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const res = await steering.post('/api/documents', {
          code: `${prefix}-${w}-${i}`,
          title: 'Văn bản thử khi cơ sở dữ liệu bị ngắt',
          docType: 'decision',
          issuer: 'Chính phủ',
          issuedOn: '2025-01-09',
        });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode === 201) acknowledged.push(res.json<{ id: string }>().id);
        else if (res.statusCode === 503) {
          expect(res.headers['content-type']).toContain('application/problem+json');
          expect(res.headers['retry-after']).toBe('5');
        }
      }
    };
    const writers = Array.from({ length: 6 }, (_, w) => writer(w));
    let terminated = 0;
    for (let round = 0; round < 6; round++) {
      await new Promise((r) => setTimeout(r, 250));
      terminated += await terminate();
    }
    stop = true;
    await Promise.all(writers);
    expect(terminated).toBeGreaterThan(0);
    // only 201 (written) or 503 (database away, retry): never a 500, and the process is still here
    expect([...statuses.keys()].filter((s) => s !== 201 && s !== 503)).toEqual([]);
    expect(statuses.get(201) ?? 0).toBeGreaterThan(0);

    // recovers by itself
    let health = 0;
    for (let i = 0; i < 50 && health !== 200; i++) {
      health = (await env.app.inject({ method: 'GET', url: '/api/health' })).statusCode;
      if (health !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(health).toBe(200);
    const after = await steering.post('/api/documents', {
      code: `${prefix}-after`,
      title: 'Sau khi kết nối lại',
      docType: 'decision',
      issuer: 'Chính phủ',
      issuedOn: '2025-01-09',
    });
    expect(after.statusCode).toBe(201);

    // no acknowledged write lost
    const stored = await env.database.db
      .selectFrom('directive_document')
      .select('id')
      .where('code', 'like', `${prefix}-%`)
      .execute();
    const ids = new Set(stored.map((r) => r.id));
    expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
    console.info(`db-outage: ${terminated} backends terminated; answers ${JSON.stringify([...statuses])}`);
  }, 60_000);
});
