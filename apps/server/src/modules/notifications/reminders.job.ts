import type { ReminderRunResult } from '@pilotage/contracts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { systemContext, type RequestContext } from '../../http/context.ts';
import { forbidden } from '../../http/errors.ts';
import type { AuditService } from '../audit/index.ts';
import { orgRepository } from '../org/index.ts';
import { IDEMPOTENCY_TTL_DAYS, idempotencyRepository } from '../reports/index.ts';
import { eventsRepository, recordEvents, type DomainEvent, type ReminderEventType } from '../events/index.ts';
import { effectiveFrequency, loadFacts, refreshDue, todayVn } from '../tasks/index.ts';
import { REMINDER_KINDS } from './notification.mapping.ts';
import { notificationsRepository } from './notifications.repository.ts';
import {
  deadlineReminders,
  groupMissing,
  missingReportPeriod,
  openDeadline,
  type PlannedReminder,
} from './reminders.rules.ts';
import { remindersRepository } from './reminders.repository.ts';

export const REMINDER_JOB = 'reminders';
const BATCH = 1000;
const UNIT_BATCH = 500;
/** A run left unfinished this long (crashed instance) may be taken over. */
const STALE_MINUTES = 60;

type Recorded = { event: DomainEvent; dedupeKey: string };
type Candidate = Awaited<ReturnType<typeof remindersRepository.staleOpen>>['rows'][number];

/**
 * The reminder job, safe with several server instances:
 * 1. the run is claimed by inserting job_run (name, run key = the date) with ON CONFLICT DO NOTHING; an
 *    instance that finds the row taken does nothing (a crashed run is taken over after an hour);
 * 2. candidates are selected in SQL, in keyset batches (memory bounded, ADR 0008 "Reminders at national
 *    size"): deadlines from the stored status (run for today: the due rows are recomputed first); rows whose
 *    stored status does not cover asOf (a run for a past date) through the engine on their facts; missing
 *    reports per task period with an anti-join, grouped per unit and period;
 * 3. each reminder is recorded as a `reminder.*` domain event whose dedupe key names the fact
 *    (`overdue:<assignment>:<deadline>`, `report_missing:<unit>:<period>`), inserted with ON CONFLICT
 *    (dedupe_key) DO NOTHING, so even two forced runs, or runs on two dates, never record it twice;
 * 4. the run is finished and audited in one transaction; the event dispatcher turns the events into
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
    const record = async (items: Recorded[]) => {
      created.push(...(await this.record(ctx, runKey, items)));
    };
    try {
      // today: the stored status is brought up to date first (the status job's work), so it covers every row
      if (asOf === todayVn()) await refreshDue(this.db, asOf);
      result.assignmentsChecked += await this.deadlines(asOf, record);
      result.assignmentsChecked += await this.staleDeadlines(asOf, record);
      result.assignmentsChecked += await this.missingReports(asOf, record);
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

  /** Deadline reminders of the rows whose stored status covers asOf. Returns the rows looked at. */
  private async deadlines(asOf: string, record: (items: Recorded[]) => Promise<void>): Promise<number> {
    let checked = 0;
    for (const status of ['overdue', 'in_progress', 'not_started'] as const) {
      for (let after: { deadline: string; id: string } | null = null; ;) {
        const batch = await remindersRepository.deadlines(this.db, asOf, status, after, BATCH);
        if (batch.length === 0) break;
        const last = batch[batch.length - 1]!;
        after = { deadline: last.effective_deadline!, id: last.id };
        checked += batch.length;
        await record(
          batch.flatMap((a) => deadlineReminders(toAssignment(a), a.effective_deadline!, asOf).map(toEvent)),
        );
      }
    }
    return checked;
  }

  /** Deadline reminders of open rows whose stored status does not cover asOf: the engine on their facts. */
  private async staleDeadlines(asOf: string, record: (items: Recorded[]) => Promise<void>): Promise<number> {
    let checked = 0;
    for (let after: string | null = null; ;) {
      const { scanned, rows: batch } = await remindersRepository.staleOpen(this.db, asOf, after, BATCH);
      if (scanned.length === 0) return checked;
      after = scanned[scanned.length - 1]!;
      checked += batch.length;
      const facts = await loadFacts(
        this.db,
        batch.map((a) => a.id),
        asOf,
      );
      await record(
        batch.flatMap((a) => {
          const f = facts.get(a.id);
          const deadline = f ? openDeadline(f, asOf) : null;
          return deadline ? deadlineReminders(toAssignment(a), deadline, asOf).map(toEvent) : [];
        }),
      );
    }
  }

  /** One "report missing" per unit and period (rule: missingReportPeriod per task, groupMissing). */
  private async missingReports(asOf: string, record: (items: Recorded[]) => Promise<void>): Promise<number> {
    const tasks = (await remindersRepository.tasksStarted(this.db, asOf)).flatMap((t) => {
      const m = missingReportPeriod(
        {
          startDate: t.start_date,
          frequency: effectiveFrequency(t.task_frequency, t.programme_frequency),
          reportDueDays: t.report_due_days,
          programmeStart: t.period_start,
          programmeEnd: t.period_end,
        },
        asOf,
      );
      return m ? [{ taskId: t.id, ...m }] : [];
    });
    if (tasks.length === 0) return 0;
    let checked = 0;
    for (let after: string | null = null; ;) {
      const units = await remindersRepository.unitsAfter(this.db, after, UNIT_BATCH);
      if (units.length === 0) return checked;
      after = units[units.length - 1]!;
      const rows = await remindersRepository.missingReports(this.db, asOf, tasks, units);
      checked += rows.length;
      const groups = new Map<string, typeof rows>();
      for (const r of rows) {
        const key = `${r.unit_id}|${r.period}`;
        const list = groups.get(key);
        if (list) list.push(r);
        else groups.set(key, [r]);
      }
      const told = await this.toldMissing([...new Set(rows.map((r) => r.unit_id))]);
      await record(
        [...groups.entries()].flatMap(([key, list]) => {
          const g = groupMissing(
            list[0]!.unit_id,
            list[0]!.period,
            list.map((r) => ({
              assignmentId: r.assignment_id,
              taskCode: r.task_code,
              taskTitle: r.task_title,
              unitName: r.unit_name,
              dueOn: r.due_on,
            })),
            told.get(key),
          );
          if (!g) return [];
          const event: DomainEvent = {
            type: 'reminder.report_missing',
            unitId: g.unitId,
            period: g.period,
            assignmentIds: g.assignmentIds,
            params: g.params,
          };
          return [{ event, dedupeKey: g.dedupeKey }];
        }),
      );
    }
  }

  /** Assignments each unit was already told about, per `<unit>|<period>` (earlier report_missing events). */
  private async toldMissing(unitIds: string[]): Promise<Map<string, Set<string>>> {
    const out = new Map<string, Set<string>>();
    const payloads = await eventsRepository.payloadsAbout(
      this.db,
      'reminder.report_missing',
      'org_unit',
      unitIds,
    );
    for (const p of payloads as { unitId: string; period: string; assignmentIds?: string[] }[]) {
      const key = `${p.unitId}|${p.period}`;
      const set = out.get(key) ?? new Set<string>();
      for (const id of p.assignmentIds ?? []) set.add(id);
      out.set(key, set);
    }
    return out;
  }

  /** Records the reminders not recorded yet (one transaction per batch, audited); returns their kinds. */
  private async record(ctx: RequestContext, runKey: string, items: Recorded[]): Promise<{ kind: string }[]> {
    if (items.length === 0) return [];
    // skipping keys raised already saves the inserts on re-runs; ON CONFLICT still guards races
    const known = await eventsRepository.existingKeys(
      this.db,
      items.map((p) => p.dedupeKey),
    );
    const fresh = items.filter((p) => !known.has(p.dedupeKey));
    if (fresh.length === 0) return [];
    return inTransaction(this.db, async (tx) => {
      const rows = (
        await recordEvents(
          tx,
          fresh.map((p) => ({ event: p.event, options: { dedupeKey: p.dedupeKey } })),
        )
      ).map((r) => ({ kind: REMINDER_KINDS[r.event.type as ReminderEventType] }));
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
  }
}

const toAssignment = (a: Candidate) => ({
  id: a.id,
  unitId: a.unit_id,
  unitName: a.unit_name,
  assignedByUnitId: a.assigned_by_unit_id,
  taskCode: a.task_code,
  taskTitle: a.task_title,
  escalationDays: a.escalation_days,
});

const EVENT_TYPE = Object.fromEntries(
  Object.entries(REMINDER_KINDS).map(([type, kind]) => [kind, type]),
) as Record<PlannedReminder['kind'], Exclude<ReminderEventType, 'reminder.report_missing'>>;

function toEvent(p: PlannedReminder): Recorded {
  return {
    event: {
      type: EVENT_TYPE[p.kind],
      assignmentId: p.assignmentId,
      unitId: p.unitId,
      period: p.period,
      params: p.params,
    },
    dedupeKey: p.dedupeKey,
  };
}

function countByKind(rows: { kind: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[r.kind] = (out[r.kind] ?? 0) + 1;
  return out;
}
