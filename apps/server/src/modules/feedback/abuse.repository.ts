import { sql } from 'kysely';
import type { Executor } from '../../db/transaction.ts';

/**
 * Counters of the public intake in the database (every instance counts the same; one statement each,
 * no session state, so PgBouncer in transaction mode is fine).
 */
export const abuseRepository = {
  /** Adds one hit to `key` in the window starting at `windowStart`; returns the window's hits. */
  async hit(db: Executor, key: string, windowStart: Date): Promise<number> {
    const row = await db
      .insertInto('public_rate_counter')
      .values({ key, window_start: windowStart, hits: 1 })
      .onConflict((oc) =>
        oc.columns(['key', 'window_start']).doUpdateSet({ hits: sql`public_rate_counter.hits + 1` }),
      )
      .returning('hits')
      .executeTakeFirstOrThrow();
    return row.hits;
  },

  /** Two counters in one statement (one round trip per submission); their hits in the given order. */
  async hitBoth(
    db: Executor,
    counters: [{ key: string; windowStart: Date }, { key: string; windowStart: Date }],
  ): Promise<[number, number]> {
    const rows = await db
      .insertInto('public_rate_counter')
      .values(counters.map((c) => ({ key: c.key, window_start: c.windowStart, hits: 1 })))
      .onConflict((oc) =>
        oc.columns(['key', 'window_start']).doUpdateSet({ hits: sql`public_rate_counter.hits + 1` }),
      )
      .returning(['key', 'hits'])
      .execute();
    const of = (key: string) => rows.find((r) => r.key === key)?.hits ?? 1;
    return [of(counters[0].key), of(counters[1].key)];
  },

  async hits(db: Executor, key: string, windowStart: Date): Promise<number> {
    const row = await db
      .selectFrom('public_rate_counter')
      .select('hits')
      .where('key', '=', key)
      .where('window_start', '=', windowStart)
      .executeTakeFirst();
    return row?.hits ?? 0;
  },

  /** Records a redeemed challenge; false when it was redeemed before. */
  async redeem(db: Executor, challenge: string, expiresAt: Date): Promise<boolean> {
    const r = await db
      .insertInto('pow_redeemed')
      .values({ challenge, expires_at: expiresAt })
      .onConflict((oc) => oc.column('challenge').doNothing())
      .returning('challenge')
      .execute();
    return r.length === 1;
  },

  /** Forgets old windows and expired challenges (the purge job). */
  async sweep(db: Executor, before: Date): Promise<void> {
    await db.deleteFrom('public_rate_counter').where('window_start', '<', before).execute();
    await db.deleteFrom('pow_redeemed').where('expires_at', '<', before).execute();
  },
};
