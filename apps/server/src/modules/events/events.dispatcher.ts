import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction, type Tx } from '../../db/transaction.ts';
import { eventsRepository } from './events.repository.ts';
import type { StoredEvent } from './events.types.ts';

/** A consumer of events. It runs inside the transaction that marks the events processed. */
export type EventHandler = (tx: Tx, events: StoredEvent[], now: Date) => Promise<void>;

export interface DispatcherOptions {
  /** A claim older than this is taken over (its dispatcher crashed or stalled). */
  leaseMs: number;
  /** Events claimed (and handled in one transaction) at a time. */
  batchSize: number;
  /** An event whose handlers failed this many times is left for an operator (last_error says why). */
  maxAttempts: number;
  log?: (error: unknown, message: string) => void;
}

export interface DispatchResult {
  claimed: number;
  processed: number;
  failed: number;
}

/**
 * Turns recorded events into effects, safe with several instances and on PGlite's single connection:
 * 1. claim a batch in a short transaction (`UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED)`);
 * 2. in ONE transaction, mark the batch processed (only rows still claimed by this claim's token) and run
 *    every handler on them; a handler failure rolls the batch back and the events are retried one by one,
 *    so one bad event cannot hold the others. Handlers write with unique dedupe keys, so even a lease taken
 *    over mid-run cannot double an effect.
 */
export class EventDispatcher {
  private readonly handlers: { name: string; handle: EventHandler }[] = [];
  private running: Promise<DispatchResult> | null = null;

  constructor(
    private readonly db: Db,
    private readonly opts: DispatcherOptions,
  ) {}

  subscribe(name: string, handle: EventHandler): void {
    this.handlers.push({ name, handle });
  }

  /** One claim-and-handle round. Concurrent calls in this process wait for the round in flight first. */
  async dispatchOnce(now: Date = new Date()): Promise<DispatchResult> {
    while (this.running) await this.running.catch(() => undefined);
    const run = this.round(now);
    this.running = run;
    try {
      return await run;
    } finally {
      this.running = null;
    }
  }

  /** Rounds until nothing is left to claim (at most `maxRounds`). */
  async drain(now: Date = new Date(), maxRounds = 1000): Promise<DispatchResult> {
    const total: DispatchResult = { claimed: 0, processed: 0, failed: 0 };
    for (let i = 0; i < maxRounds; i++) {
      const r = await this.dispatchOnce(now);
      total.claimed += r.claimed;
      total.processed += r.processed;
      total.failed += r.failed;
      if (r.claimed === 0 || r.processed === 0) break;
    }
    return total;
  }

  private async round(now: Date): Promise<DispatchResult> {
    const token = newId();
    const claimed = await inTransaction(this.db, (tx) =>
      eventsRepository.claim(tx, {
        token,
        now,
        leaseMs: this.opts.leaseMs,
        limit: this.opts.batchSize,
        maxAttempts: this.opts.maxAttempts,
      }),
    );
    if (claimed.length === 0) return { claimed: 0, processed: 0, failed: 0 };
    try {
      const processed = await this.handle(claimed, token, now);
      return { claimed: claimed.length, processed, failed: 0 };
    } catch {
      let processed = 0;
      let failed = 0;
      for (const e of claimed) {
        try {
          processed += await this.handle([e], token, now);
        } catch (error) {
          failed++;
          this.opts.log?.(error, `event ${e.id} (${e.event.type}) failed`);
          await eventsRepository.fail(this.db, e.id, token, String((error as Error).message ?? error));
        }
      }
      return { claimed: claimed.length, processed, failed };
    }
  }

  private handle(events: StoredEvent[], token: string, now: Date): Promise<number> {
    return inTransaction(this.db, async (tx) => {
      const mine = await eventsRepository.finish(
        tx,
        events.map((e) => e.id),
        token,
        now,
      );
      const owned = events.filter((e) => mine.has(e.id));
      if (owned.length === 0) return 0;
      for (const h of this.handlers) await h.handle(tx, owned, now);
      return owned.length;
    });
  }
}
