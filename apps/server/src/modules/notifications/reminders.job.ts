import type { ReminderRunResult } from '@pilotage/contracts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { systemContext, type RequestContext } from '../../http/context.ts';
import { forbidden } from '../../http/errors.ts';
import type { AuditService } from '../audit/index.ts';
import { orgRepository } from '../org/index.ts';
import { IDEMPOTENCY_TTL_DAYS, idempotencyRepository } from '../reports/index.ts';
import { eventsRepository, recordEvents, type ReminderEventType } from '../events/index.ts';
import { loadFacts, todayVn } from '../tasks/index.ts';
import { REMINDER_KINDS } from './notification.mapping.ts';
import { notificationsRepository } from './notifications.repository.ts';
import { planReminders, type PlannedReminder } from './reminders.rules.ts';
import { remindersRepository } from './reminders.repository.ts';

export const REMINDER_JOB = 'reminders';
const BATCH = 1000;
/** A run left unfinished this long (crashed instance) may be taken over. */
const STALE_MINUTES = 60;

/**
 * The reminder job, safe with several server instances:
 * 1. the run is claimed by inserting job_run (name, run key = the date) with ON CONFLICT DO NOTHING; an
 *    instance that finds the row taken does nothing (a crashed run is taken over after an hour);
 * 2. each reminder is recorded as a `reminder.*` domain event whose dedupe key names the fact
 *    (`overdue:<assignment>:<deadline>`), inserted with ON CONFLICT (dedupe_key) DO NOTHING, so even two
 *    forced runs, or runs on two dates, never record the same reminder twice;
 * 3. the run is finished and audited in one transaction; the event dispatcher turns the events into
 *    notifications and outbox e-mails (`afterRun` drains it, so a run's result counts its e-mails).
 */
export class ReminderJob {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    /** Dispatches what the run recorded; resolves to the number of e-mails sent. */
    private readonly afterRun: () => Promise<number> = () => Promise.resolve(0),
  ) {}

  /** POST /api/admin/jobs/reminders/run: national admins only (the job covers the whole country). */
  async runAsAdmin(
    ctx: RequestContext,
    body: { asOf?: string | undefined; force?: boolean | undefined } | null | undefined,
  ) {
    const root = await orgRepository.findRoot(this.db);
    if (!ctx.actor.roles.includes('admin') || ctx.actor.scopeRootId !== root?.id) throw forbidden();
    return this.runReminders(body?.asOf ?? todayVn(), { force: body?.force ?? false, ctx });
  }

  async runReminders(
    asOf: string,
    opts: { force?: boolean; ctx?: RequestContext } = {},
  ): Promise<ReminderRunResult> {
    const started = Date.now();
    const runKey = opts.force ? `${asOf}#${newId()}` : asOf;
    const result: ReminderRunResult = {
      ran: false,
      runKey,
      asOf,
      assignmentsChecked: 0,
      created: {},
      emailsSent: 0,
      durationMs: 0,
    };
    const claimed = await inTransaction(this.db, (tx) =>
      notificationsRepository.claimRun(tx, REMINDER_JOB, runKey, new Date(), STALE_MINUTES),
    );
    if (!claimed) return { ...result, durationMs: Date.now() - started };
    const created: { kind: string }[] = [];
    const ctx = opts.ctx ?? systemContext((await orgRepository.findRoot(this.db))?.id ?? '', 'reminder-job');
    try {
      let after: string | null = null;
      for (;;) {
        const batch = await remindersRepository.candidates(this.db, asOf, after, BATCH);
        if (batch.length === 0) break;
        after = batch[batch.length - 1]!.id;
        const facts = await loadFacts(
          this.db,
          batch.map((a) => a.id),
        );
        const planned = batch.flatMap((a) => {
          const f = facts.get(a.id);
          if (!f) return [];
          return planReminders(
            {
              id: a.id,
              unitId: a.unit_id,
              unitName: a.unit_name,
              parentUnitId: a.parent_id,
              taskCode: a.task_code,
              taskTitle: a.task_title,
              programmeStart: a.programme_start,
              programmeEnd: a.programme_end,
              escalationDays: a.escalation_days,
              reportDueDays: a.report_due_days,
            },
            f,
            asOf,
          );
        });
        result.assignmentsChecked += batch.length;
        // skipping keys raised already saves the inserts on re-runs; ON CONFLICT still guards races
        const known = await eventsRepository.existingKeys(
          this.db,
          planned.map((p) => p.dedupeKey),
        );
        const fresh = planned.filter((p) => !known.has(p.dedupeKey));
        if (fresh.length === 0) continue;
        const batchCreated = await inTransaction(this.db, async (tx) => {
          const rows = (await recordEvents(tx, fresh.map(toEvent))).map((r) => ({
            kind: REMINDER_KINDS[r.event.type as ReminderEventType],
          }));
          if (rows.length) {
            await this.audit.record(tx, ctx, {
              action: 'notification.raise',
              entityType: 'job_run',
              entityId: runKey,
              after: { created: countByKind(rows) },
            });
          }
          return rows;
        });
        created.push(...batchCreated);
      }
      result.created = countByKind(created);
      result.ran = true;
      result.emailsSent = await this.afterRun();
      result.durationMs = Date.now() - started;
      const purged = await idempotencyRepository.purge(this.db, IDEMPOTENCY_TTL_DAYS);
      await inTransaction(this.db, async (tx) => {
        await notificationsRepository.finishRun(tx, REMINDER_JOB, runKey, result);
        await this.audit.record(tx, ctx, {
          action: 'job.reminders',
          entityType: 'job_run',
          entityId: runKey,
          after: { ...result, idempotencyKeysPurged: purged },
        });
      });
      return result;
    } catch (error) {
      await notificationsRepository.releaseRun(this.db, REMINDER_JOB, runKey).catch(() => undefined);
      throw error;
    }
  }
}

const EVENT_TYPE = Object.fromEntries(
  Object.entries(REMINDER_KINDS).map(([type, kind]) => [kind, type]),
) as Record<PlannedReminder['kind'], ReminderEventType>;

function toEvent(p: PlannedReminder) {
  return {
    event: {
      type: EVENT_TYPE[p.kind],
      assignmentId: p.assignmentId,
      unitId: p.unitId,
      period: p.period,
      params: p.params,
    },
    options: { dedupeKey: p.dedupeKey },
  };
}

function countByKind(rows: { kind: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[r.kind] = (out[r.kind] ?? 0) + 1;
  return out;
}
