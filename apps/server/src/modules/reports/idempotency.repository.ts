import { sql } from 'kysely';
import type { Executor, Tx } from '../../db/transaction.ts';

/** The only SQL on idempotency_key. */
export const idempotencyRepository = {
  /**
   * Claims (actor, key) for this transaction. On PostgreSQL a concurrent claim of the same key waits here
   * until the first transaction ends, then finds the row (conflict) and replays it. false = already taken.
   */
  async claim(tx: Tx, actorId: string, key: string, requestHash: string): Promise<boolean> {
    const row = await tx
      .insertInto('idempotency_key')
      .values({ actor_id: actorId, key, request_hash: requestHash, response_status: 0, response_body: null })
      .onConflict((oc) => oc.columns(['actor_id', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    return row !== undefined;
  },

  find(tx: Executor, actorId: string, key: string) {
    return tx
      .selectFrom('idempotency_key')
      .selectAll()
      .where('actor_id', '=', actorId)
      .where('key', '=', key)
      .executeTakeFirst();
  },

  async complete(tx: Tx, actorId: string, key: string, status: number, body: unknown): Promise<void> {
    await tx
      .updateTable('idempotency_key')
      .set({ response_status: status, response_body: JSON.stringify(body ?? null) })
      .where('actor_id', '=', actorId)
      .where('key', '=', key)
      .execute();
  },

  /** Forgets keys older than `days` (run by the reminder job). */
  async purge(db: Executor, days: number): Promise<number> {
    const res = await db
      .deleteFrom('idempotency_key')
      .where('created_at', '<', sql<Date>`now() - make_interval(days => ${days})`)
      .executeTakeFirst();
    return Number(res.numDeletedRows);
  },
};
