import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';

export type Db = Kysely<DB>;
export type EngineKind = 'pglite' | 'postgres';

export interface Database {
  kind: EngineKind;
  db: Db;
  /** The embedded engine, when kind is 'pglite' (tests dump and restore it). */
  pglite?: PGlite;
  close(): Promise<void>;
}

// Same value types on both engines: dates as 'YYYY-MM-DD', bigint and numeric as numbers.
const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const parsers: Record<number, (value: string) => unknown> = {
  [DATE_OID]: (v) => v,
  [INT8_OID]: (v) => Number(v),
  [NUMERIC_OID]: (v) => Number(v),
};

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** PGlite data directory or ':memory:'. */
  dataDir?: string;
  /** PGlite: start from a data-dir dump (used by tests to skip re-seeding). */
  loadDataDir?: Blob;
  poolSize?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      // while the database is away, a request waits at most this long for a connection, then gets a 503
      connectionTimeoutMillis: 5_000,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          parsers[oid] ??
          (pg.types.getTypeParser(oid, format) as (
            value: string,
          ) => unknown)) as typeof pg.types.getTypeParser,
      },
    });
    // A pooled connection can be terminated by the server (pg_terminate_backend, a restart, a failover).
    // Idle: the pool emits 'error' and drops it. Checked out (in a request, between two queries of a
    // transaction): the CLIENT emits 'error', which ends the process when nobody listens. Both are logged;
    // the query that was running fails with a connection error (503 problem, http/problem.ts), the broken
    // client is discarded on release and the next query opens a new connection.
    pool.on('error', (error) => console.warn(`database: idle connection lost (${error.message})`));
    pool.on('connect', (client) => {
      client.on('error', (error) => console.warn(`database: connection lost (${error.message})`));
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { kind: 'postgres', db, close: () => db.destroy() };
  }
  const dataDir = options.dataDir ?? ':memory:';
  const pglite = await PGlite.create({
    ...(dataDir === ':memory:' ? {} : { dataDir }),
    parsers,
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
  return { kind: 'pglite', db, pglite, close: () => db.destroy() };
}
