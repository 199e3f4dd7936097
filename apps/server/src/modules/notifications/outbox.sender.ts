import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { givesUp, retryDelayMs } from './mail.backoff.ts';
import type { MailTransport } from './mail.ts';
import { outboxRepository } from './outbox.repository.ts';

export interface OutboxOptions {
  /** A claim older than this is taken over (the sender crashed between claim and result). */
  leaseMs: number;
  batchSize: number;
  maxAttempts: number;
  backoff: { baseMs: number; maxMs: number };
  log?: (error: unknown, message: string) => void;
}

export interface SendResult {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
}

/**
 * Sends the mail outbox: claim due rows in a short transaction (FOR UPDATE SKIP LOCKED, several instances
 * safe), send each outside any transaction, then mark it sent — only after the transport succeeded, so a
 * crash never loses an e-mail (it may, rarely, send one twice: a crash between send and mark). A failure
 * schedules the next attempt by exponential back-off, and after maxAttempts gives the e-mail up.
 */
export class MailOutbox {
  constructor(
    private readonly db: Db,
    readonly transport: MailTransport,
    private readonly opts: OutboxOptions,
  ) {}

  async sendOnce(now: Date = new Date()): Promise<SendResult> {
    const token = newId();
    const rows = await inTransaction(this.db, (tx) =>
      outboxRepository.claim(tx, { token, now, leaseMs: this.opts.leaseMs, limit: this.opts.batchSize }),
    );
    const result: SendResult = { claimed: rows.length, sent: 0, retried: 0, failed: 0 };
    for (const row of rows) {
      try {
        await this.transport.send({ to: row.to_address, subject: row.subject, text: row.body });
      } catch (error) {
        const gaveUp = givesUp(row.attempts, this.opts.maxAttempts);
        if (gaveUp) result.failed++;
        else result.retried++;
        this.opts.log?.(error, `e-mail ${row.id} failed (attempt ${row.attempts})`);
        await outboxRepository.markFailed(this.db, row.id, token, {
          error: String((error as Error).message ?? error),
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(row.attempts, this.opts.backoff)),
          failedAt: gaveUp ? now : null,
        });
        continue;
      }
      await outboxRepository.markSent(this.db, row.id, token, new Date());
      result.sent++;
    }
    return result;
  }
}
