import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from './database.ts';

const MIGRATIONS_DIR = path.join(import.meta.dirname, 'migrations');
const LOCK_KEY = 5707_2024;

export interface MigrationResult {
  applied: string[];
  total: number;
}

/**
 * Applies forward-only SQL migrations (files `NNNN_name.sql`, in name order), each in its own transaction,
 * under a TRANSACTION-scoped advisory lock (`pg_advisory_xact_lock`, released at commit), so that several
 * instances starting together do not race, also through PgBouncer in transaction pooling mode (a session
 * lock would be held by whichever server connection the pooler picked, and never reliably released).
 * Throws on failure.
 */
export async function migrate(db: Db, dir: string = MIGRATIONS_DIR): Promise<MigrationResult> {
  const files = (await readdir(dir)).filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort();
  // Concurrent `create table if not exists` can still collide on PostgreSQL's catalog: take the lock first.
  await db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${LOCK_KEY})`.execute(tx);
    await sql`create table if not exists schema_migration (name text primary key, applied_at timestamptz not null default now())`.execute(
      tx,
    );
  });
  const applied: string[] = [];
  for (const file of files) {
    const body = await readFile(path.join(dir, file), 'utf8');
    await db.transaction().execute(async (tx) => {
      await sql`select pg_advisory_xact_lock(${LOCK_KEY})`.execute(tx);
      const done = await tx
        .selectFrom('schema_migration')
        .select('name')
        .where('name', '=', file)
        .executeTakeFirst();
      if (done) return;
      try {
        for (const statement of splitStatements(body)) await sql.raw(statement).execute(tx);
      } catch (error) {
        throw new Error(`Migration ${file} failed: ${(error as Error).message}`, { cause: error });
      }
      await tx.insertInto('schema_migration').values({ name: file }).execute();
      applied.push(file);
    });
  }
  return { applied, total: files.length };
}

/**
 * Splits a migration into statements (each ends with `;` at the end of a line), because prepared statements
 * take one command at a time. Migrations therefore keep one statement per `;`-terminated line group and use
 * no dollar-quoted bodies.
 */
export function splitStatements(body: string): string[] {
  return body
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export async function appliedMigrationCount(db: Db): Promise<number> {
  const row = await db
    .selectFrom('schema_migration')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
