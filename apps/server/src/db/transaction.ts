import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.ts';
import type { Db } from './database.ts';

/** A transaction handle. Repositories take one of these (or a plain Db for reads outside a transaction). */
export type Tx = Transaction<DB>;
/** Anything a repository can run a query on. */
export type Executor = Kysely<DB>;

/**
 * Opens a transaction and hands it down. Services call this; repositories never open their own.
 * PGlite has one connection: inside `fn`, every query must go through `tx`, never `db`, or it waits forever.
 */
export function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(fn);
}
