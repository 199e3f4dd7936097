import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signedIn, unitByCode, type Client } from './factories.ts';
import { createTestEnv, type TestEnv } from './harness.ts';
import { databaseWithChecks, finished } from './quality-helpers.ts';

/**
 * Issue 11 item 5: an assessment reads a PostgreSQL table through a connection string, as a cursor in a READ
 * ONLY transaction; the counts are the table's, and the string is nowhere in the result or the audit trail.
 * Pg stage only (*.pg.test.ts): the source is a database of the test server.
 */
const serverUrl = process.env.TEST_DATABASE_URL ?? '';
const source = `q_src_${randomBytes(4).toString('hex')}`;
let env: TestEnv;
let owner: Client;

async function admin(sqlText: string, db?: string) {
  const url = new URL(serverUrl);
  if (db) url.pathname = `/${db}`;
  const c = new pg.Client({ connectionString: url.toString() });
  await c.connect();
  try {
    await c.query(sqlText);
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  env = await createTestEnv();
  owner = (await signedIn(env, 'BKHCN', ['officer'])).client;
  await admin(`create database ${source}`);
  await admin(
    `create table citizens as
       select lpad((100000000000 + g * 7)::text, 12, '0') as so_dinh_danh,
              case when g % 10 = 0 then '99999999' else '00004' end as ma_xa,
              date '2025-01-01' + (g % 200) as ngay_cap_nhat
         from generate_series(1, 5000) g`,
    source,
  );
});
afterAll(async () => {
  await env?.close();
  await admin(`drop database if exists ${source} with (force)`);
});

it('assesses a PostgreSQL table read through a read-only cursor, never keeping the connection string', async () => {
  const dbId = await databaseWithChecks(owner, (await unitByCode(env, 'BKHCN')).id, [
    { metric: 'row_count', must: { eq: 5000 }, criterion: 'sufficient' },
    { metric: 'duplicate_count', column: 'so_dinh_danh', must: { eq: 0 }, criterion: 'clean' },
    { metric: 'reference', column: 'ma_xa', codeList: 'admin_unit', must: { lt: 5 }, criterion: 'unified' },
  ]);
  const url = new URL(serverUrl);
  url.pathname = `/${source}`;
  const res = await owner.post(`/api/databases/${dbId}/assessments/postgres`, {
    connectionString: url.toString(),
    table: 'public.citizens',
  });
  expect(res.statusCode, res.body).toBe(202);
  const run = await finished(env, owner, res.json().id);
  expect(run.json()).toMatchObject({
    status: 'done',
    rowsRead: 5000,
    sourceLabel: 'postgresql: public.citizens',
  });
  const m = run.json().measurements;
  expect([m[0].value, m[1].value, m[2].failing, m[2].pass]).toEqual([5000, 0, 500, false]);
  const audit = await env.database.db.selectFrom('audit_event').select(['before', 'after']).execute();
  expect(JSON.stringify(audit)).not.toContain(url.host);
});
