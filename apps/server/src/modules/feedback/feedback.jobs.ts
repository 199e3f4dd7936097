import type { FeedbackConfig } from '../../config.feedback.ts';
import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import { systemContext } from '../../http/context.ts';
import type { AuditService } from '../audit/index.ts';
import { recordEvents, type DomainEvent } from '../events/index.ts';
import { abuseRepository } from './abuse.repository.ts';
import { jobsRepository } from './jobs.repository.ts';
import type { ReferenceCache } from './reference.ts';
import { addWorkingDays, endOfVnDay, vnDay } from './working-calendar.ts';

const DAY_MS = 86_400_000;
/** Reminders go out this many working days before the deadline. */
export const REMIND_WORKING_DAYS = 2;

/**
 * The feedback timer (every instance may run it; the work happens once): reminders before the deadline,
 * escalation of overdue items to the parent of the responsible unit, and the purge of personal data
 * after the retention period of closed items. Rows are claimed with FOR UPDATE SKIP LOCKED and marked
 * (`reminded_at`, `escalated_at`) in the same transaction as the event; events carry dedupe keys.
 */
export class FeedbackJobs {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly config: FeedbackConfig,
    private readonly reference: ReferenceCache,
  ) {}

  async run(now = new Date()): Promise<{ reminded: number; escalated: number; purged: number }> {
    const ref = await this.reference.get(this.db);
    const remindBefore = endOfVnDay(addWorkingDays(vnDay(now), REMIND_WORKING_DAYS, ref.exceptions));
    const reminded = await this.notify('due_soon', remindBefore, now);
    const escalated = await this.notify('overdue', now, now);
    const purged = await this.purge(now);
    return { reminded, escalated, purged };
  }

  private async notify(change: 'due_soon' | 'overdue', dueBefore: Date, now: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await inTransaction(this.db, async (tx) => {
        const rows = await jobsRepository.claimDue(tx, change, dueBefore, 200);
        if (!rows.length) return 0;
        const events = rows.map((r) => ({
          event: {
            type: 'feedback.changed',
            change,
            itemId: r.id,
            trackingCode: r.tracking_code,
            unitId: r.unit_id,
            unitName: r.unit_name,
            title: r.title,
            status: r.status,
            dueAt: r.due_at.toISOString(),
            escalateToUnitId: change === 'overdue' ? r.parent_id : null,
          } satisfies DomainEvent,
          options: { dedupeKey: `feedback-${change}:${r.id}:${r.due_at.toISOString()}` },
        }));
        await recordEvents(tx, events);
        await jobsRepository.mark(
          tx,
          change,
          rows.map((r) => r.id),
          now,
        );
        return rows.length;
      });
      total += n;
      if (n < 200) return total;
    }
  }

  /** Personal data of items closed longer than the retention: the contact goes, the anonymised item stays. */
  private async purge(now: Date): Promise<number> {
    const before = new Date(now.getTime() - this.config.retentionDays * DAY_MS);
    return inTransaction(this.db, async (tx) => {
      const n = await jobsRepository.purgePersonalData(tx, before, now);
      await abuseRepository.sweep(tx, new Date(now.getTime() - DAY_MS));
      if (n > 0)
        await this.audit.record(tx, systemContext(this.reference.triageUnitIdOrEmpty(), 'feedback purge'), {
          action: 'feedback.purge',
          entityType: 'job_run',
          entityId: null,
          after: { purged: n, closedBefore: before.toISOString() },
        });
      return n;
    });
  }
}

/** Runs the jobs every `intervalMs` (first after a minute); returns the stop function. */
export function startFeedbackJobs(
  jobs: FeedbackJobs,
  opts: { log: (message: string, detail?: unknown) => void; intervalMs?: number },
): () => void {
  const run = () => {
    jobs
      .run()
      .then((r) => {
        if (r.reminded + r.escalated + r.purged > 0) opts.log('feedback jobs', r);
      })
      .catch((error: unknown) => opts.log('feedback jobs failed', error));
  };
  const first = setTimeout(run, 60_000);
  const timer = setInterval(run, opts.intervalMs ?? 15 * 60_000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
