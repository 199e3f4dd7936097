import type { Insertable } from 'kysely';
import type { MailOutboxTable } from '../../db/schema.ts';
import type { Executor, Tx } from '../../db/transaction.ts';

/** The only SQL on mail_outbox. */
export const outboxRepository = {
  /** Enqueues; a row whose dedupe_key exists already is skipped. Returns how many were enqueued. */
  async enqueue(tx: Tx, rows: Insertable<MailOutboxTable>[]): Promise<number> {
    let n = 0;
    for (let i = 0; i < rows.length; i += 500) {
      const res = await tx
        .insertInto('mail_outbox')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .returning('id')
        .execute();
      n += res.length;
    }
    return n;
  },

  /**
   * Claims up to `limit` e-mails due at `now`: not sent, not given up, next_attempt_at passed, and unclaimed
   * or claimed before `now - leaseMs` (the sender crashed between claim and result). Counts the attempt.
   */
  claim(tx: Tx, opts: { token: string; now: Date; leaseMs: number; limit: number }) {
    const staleBefore = new Date(opts.now.getTime() - opts.leaseMs);
    return tx
      .updateTable('mail_outbox')
      .set((eb) => ({ claimed_at: opts.now, claim_token: opts.token, attempts: eb('attempts', '+', 1) }))
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('mail_outbox')
          .select('id')
          .where('sent_at', 'is', null)
          .where('failed_at', 'is', null)
          .where('next_attempt_at', '<=', opts.now)
          .where((w) => w.or([w('claimed_at', 'is', null), w('claimed_at', '<', staleBefore)]))
          .orderBy('next_attempt_at')
          .limit(opts.limit)
          .forUpdate()
          .skipLocked(),
      )
      .returning(['id', 'to_address', 'subject', 'body', 'attempts'])
      .execute();
  },

  /** The transport accepted it: sent (only if this claim still holds it). */
  async markSent(db: Executor, id: string, token: string, at: Date): Promise<boolean> {
    const res = await db
      .updateTable('mail_outbox')
      .set({ sent_at: at, claimed_at: null, claim_token: null, last_error: null })
      .where('id', '=', id)
      .where('claim_token', '=', token)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  },

  /** The transport failed: retry at `nextAttemptAt`, or give up (`failedAt`). */
  async markFailed(
    db: Executor,
    id: string,
    token: string,
    change: { error: string; nextAttemptAt: Date; failedAt: Date | null },
  ): Promise<void> {
    await db
      .updateTable('mail_outbox')
      .set({
        claimed_at: null,
        claim_token: null,
        last_error: change.error.slice(0, 2000),
        next_attempt_at: change.nextAttemptAt,
        failed_at: change.failedAt,
      })
      .where('id', '=', id)
      .where('claim_token', '=', token)
      .execute();
  },
};
