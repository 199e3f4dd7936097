/** Issue 7 item 10: the audit trail is append-only for the application's role (db/roles/app-role.sql). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/db/ids.ts';
import { inTransaction } from '../src/db/transaction.ts';
import { createTestEnv, type TestEnv } from './harness.ts';

let env: TestEnv;
const ROLE = `pilotage_app_${newId().slice(-8)}`;
beforeAll(async () => {
  env = await createTestEnv();
  const script = await readFile(path.join(import.meta.dirname, '../src/db/roles/app-role.sql'), 'utf8');
  await sql.raw(`create role ${ROLE} nologin`).execute(env.database.db);
  for (const statement of script
    .split('\n')
    .filter((l) => !l.startsWith('--'))
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean))
    await sql.raw(statement.replaceAll('pilotage_app', ROLE)).execute(env.database.db);
});
afterAll(async () => {
  await sql.raw(`drop owned by ${ROLE}`).execute(env.database.db);
  await sql.raw(`drop role ${ROLE}`).execute(env.database.db);
  await env.close();
});

/** Runs `statement` as the application role, inside a transaction (SET LOCAL ends with it). */
const asApp = (statement: string) =>
  inTransaction(env.database.db, async (tx) => {
    await sql.raw(`set local role ${ROLE}`).execute(tx);
    return sql.raw(statement).execute(tx);
  });

describe('audit trail privileges of the application role', () => {
  it('may append and read', async () => {
    await expect(asApp('select count(*) from audit_event')).resolves.toBeDefined();
    await expect(asApp('select count(*) from audit_seal')).resolves.toBeDefined();
  });

  it.each([
    ['update audit_event', "update audit_event set actor_name = 'x'"],
    ['delete from audit_event', 'delete from audit_event'],
    ['truncate audit_event', 'truncate audit_event cascade'],
    ['update audit_seal', "update audit_seal set hash = 'x'"],
    ['delete from audit_seal', 'delete from audit_seal'],
  ])('may not %s', async (_, statement) => {
    await expect(asApp(statement)).rejects.toThrow(/permission denied/);
  });

  it('still runs the application: sealing updates only the chain head', async () => {
    await expect(asApp('update audit_chain_head set hash = hash where id = 1')).resolves.toBeDefined();
    await expect(asApp('delete from audit_pending where false')).resolves.toBeDefined();
  });
});
