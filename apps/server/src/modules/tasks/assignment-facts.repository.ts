/**
 * Loads what the status engine needs for a set of assignments. Other modules (reports, notifications,
 * task-io) call `loadFacts` / `assignmentStatuses` instead of re-deriving status themselves.
 */
import { AUTHORITATIVE_REPORT_STATUS, COUNTED_REPORT_STATUSES, effectiveFrequency } from './task-rules.ts';
import type { ReportStatus } from '@pilotage/contracts';
import { sql } from 'kysely';
import type { Executor } from '../../db/transaction.ts';
import { addDays, todayVn } from './reporting-period.ts';
import {
  assignmentStatus,
  judgedPeriodOf,
  type AssignmentFacts,
  type StatusResult,
} from './status-engine.ts';
import { anyUuid } from './scope.ts';

export interface AssignmentFactsRow extends AssignmentFacts {
  atRiskMargin: number;
  reportDueDays: number;
}

const CHUNK = 5000;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * Facts per assignment id (ids that do not exist are absent from the map). Reads only; pass `tx` inside a
 * transaction. `reports` holds only the reports the engine can count (submitted or accepted); the
 * original deadline falls back to the task's when the assignment has none.
 *
 * With `asOf`, the reports are reduced in SQL to those the engine reads as of that date (ADR 0010, 0013;
 * test/stored-status.test.ts is the proof): per assignment the latest counted report, the latest accepted
 * one, the judged period's report of continuous work, and the first report submitted after asOf (for the
 * status clock). Without it, all.
 */
export async function loadFacts(
  db: Executor,
  assignmentIds: readonly string[],
  asOf?: string,
): Promise<Map<string, AssignmentFactsRow>> {
  const ids = [...new Set(assignmentIds)];
  const out = new Map<string, AssignmentFactsRow>();
  if (ids.length === 0) return out;
  for (const part of chunks(ids)) {
    // independent reads run together (a PostgreSQL pool runs them in parallel; PGlite queues them)
    const extensionsQuery = db
      .selectFrom('deadline_extension')
      .select(['assignment_id', 'requested_deadline', 'effective_on'])
      .where('assignment_id', '=', anyUuid(part))
      .where('status', '=', 'approved')
      .where('effective_on', 'is not', null)
      .execute();
    const reportsQuery = asOf ? latestAndNextReports(db, part, asOf) : allCountedReports(db, part);
    const rowsQuery = db
      .selectFrom('assignment as a')
      .innerJoin('task as t', 't.id', 'a.task_id')
      .innerJoin('programme as p', 'p.id', 't.programme_id')
      .select([
        'a.id',
        'a.original_deadline',
        'a.completed_on',
        't.start_date',
        't.deadline as task_deadline',
        't.is_continuous',
        't.reporting_frequency as task_frequency',
        'p.reporting_frequency as programme_frequency',
        'p.at_risk_margin',
        'p.report_due_days',
      ])
      .where('a.id', '=', anyUuid(part))
      .execute();
    const [rows, extensions, counted] = await Promise.all([rowsQuery, extensionsQuery, reportsQuery]);
    for (const r of rows) {
      out.set(r.id, {
        startDate: r.start_date,
        originalDeadline: r.is_continuous ? null : (r.original_deadline ?? r.task_deadline),
        extensions: [],
        completedOn: r.completed_on,
        isContinuous: r.is_continuous,
        reportingFrequency: effectiveFrequency(r.task_frequency, r.programme_frequency),
        reports: [],
        atRiskMargin: r.at_risk_margin,
        reportDueDays: r.report_due_days,
      });
    }
    for (const e of extensions) {
      out
        .get(e.assignment_id)
        ?.extensions.push({ newDeadline: e.requested_deadline, effectiveOn: e.effective_on! });
    }
    const reports = [...counted, ...(asOf ? await judgedReports(db, part, out, asOf) : [])];
    for (const r of reports) {
      out.get(r.assignment_id)?.reports.push({
        period: r.period,
        periodEnd: r.period_end,
        dueOn: r.due_on,
        submittedOn: r.submitted_on,
        progress: r.progress,
        status: r.status as ReportStatus,
      });
    }
  }
  return out;
}

interface ReportRowOut {
  assignment_id: string;
  period: string;
  period_end: string;
  due_on: string;
  progress: number;
  status: string;
  submitted_on: string | null;
}

// the submission's calendar date in Vietnam (UTC+7, no DST), as vnDate() computes it; a 'YYYY-MM-DD' string
const submittedOn = sql<string | null>`((submitted_at at time zone 'UTC') + interval '7 hours')::date`;
const REPORT_COLUMNS = ['assignment_id', 'period', 'period_end', 'due_on', 'progress', 'status'] as const;

function allCountedReports(db: Executor, ids: string[]): Promise<ReportRowOut[]> {
  return db
    .selectFrom('progress_report')
    .select(REPORT_COLUMNS)
    .select(submittedOn.as('submitted_on'))
    .where('assignment_id', '=', anyUuid(ids))
    .where('status', 'in', COUNTED_REPORT_STATUSES)
    .execute();
}

const endOfVnDay = (date: string) => new Date(`${addDays(date, 1)}T00:00:00+07:00`);

function countedReportsOf(db: Executor, ids: string[]) {
  return db
    .selectFrom('progress_report')
    .select(REPORT_COLUMNS)
    .select(submittedOn.as('submitted_on'))
    .where('assignment_id', '=', anyUuid(ids))
    .where('status', 'in', COUNTED_REPORT_STATUSES);
}

/**
 * Per assignment, as of asOf: the latest counted report (it says whether any report counts), the latest
 * accepted one (the authoritative progress, ADR 0013; the order is task-rules.ts#isLaterReport), and the
 * first report submitted after asOf (for the status clock).
 */
async function latestAndNextReports(db: Executor, ids: string[], asOf: string): Promise<ReportRowOut[]> {
  // submitted on or before asOf (Vietnamese calendar day) ⇔ submitted_at < the next day's 00:00 in Hà Nội
  const end = endOfVnDay(asOf);
  const latestOf = (statuses: readonly ReportStatus[]) =>
    db
      .selectFrom('progress_report')
      .select(REPORT_COLUMNS)
      .select(submittedOn.as('submitted_on'))
      .where('assignment_id', '=', anyUuid(ids))
      .where('status', 'in', statuses)
      .where('submitted_at', '<', end)
      .distinctOn('assignment_id')
      .orderBy('assignment_id')
      .orderBy('period_end', 'desc')
      .orderBy('submitted_at', 'desc')
      .execute();
  const [latest, accepted, next] = await Promise.all([
    latestOf(COUNTED_REPORT_STATUSES),
    latestOf([AUTHORITATIVE_REPORT_STATUS]),
    countedReportsOf(db, ids)
      .where('submitted_at', '>=', end)
      .distinctOn('assignment_id')
      .orderBy('assignment_id')
      .orderBy('submitted_at', 'asc')
      .execute(),
  ]);
  return [...latest, ...accepted, ...next];
}

/** The report of the judged period of continuous work as of asOf. */
async function judgedReports(
  db: Executor,
  ids: string[],
  facts: Map<string, AssignmentFactsRow>,
  asOf: string,
): Promise<ReportRowOut[]> {
  const judgedIds: string[] = [];
  const judgedPeriods: string[] = [];
  for (const id of ids) {
    const f = facts.get(id);
    if (!f?.isContinuous) continue;
    const p = judgedPeriodOf(f.startDate, f.reportingFrequency ?? 'monthly', asOf, f.reportDueDays);
    if (p) {
      judgedIds.push(id);
      judgedPeriods.push(p);
    }
  }
  if (!judgedIds.length) return [];
  return countedReportsOf(db, judgedIds)
    .where(
      sql<boolean>`(assignment_id, period) in (select * from unnest(${sql.val(judgedIds)}::uuid[], ${sql.val(judgedPeriods)}::text[]))`,
    )
    .execute();
}

/** The stored status columns (migration 0004) that make a StatusResult. */
export const STORED_COLUMNS = [
  'status',
  'at_risk',
  'status_progress',
  'effective_deadline',
  'deadline_used',
  'judged_period',
] as const;

export function storedResult(r: {
  status: StatusResult['status'];
  at_risk: boolean;
  status_progress: number;
  effective_deadline: string | null;
  deadline_used: StatusResult['deadlineUsed'];
  judged_period: string | null;
}): StatusResult {
  return {
    status: r.status,
    atRisk: r.at_risk,
    progress: r.status_progress,
    effectiveDeadline: r.effective_deadline,
    deadlineUsed: r.deadline_used,
    judgedPeriod: r.judged_period,
  };
}

/**
 * Status of each assignment as of a date: as of today the stored status, as of another date the engine
 * on the facts (reduced in SQL for that date).
 */
export async function assignmentStatuses(
  db: Executor,
  assignmentIds: readonly string[],
  asOf: string,
): Promise<Map<string, StatusResult>> {
  if (asOf !== todayVn()) return statusesFromFacts(await loadFacts(db, assignmentIds, asOf), asOf);
  // as of today: the stored status (ADR 0010); rows not yet recomputed today go through the engine
  const out = new Map<string, StatusResult>();
  const stale: string[] = [];
  for (const part of chunks([...new Set(assignmentIds)])) {
    const rows = await db
      .selectFrom('assignment')
      .select(['id', 'status_on', 'status_recheck_on', ...STORED_COLUMNS])
      .where('id', '=', anyUuid(part))
      .execute();
    for (const r of rows) {
      if (r.status_recheck_on !== null && r.status_recheck_on <= asOf) stale.push(r.id);
      else out.set(r.id, storedResult(r));
    }
  }
  for (const [id, r] of statusesFromFacts(await loadFacts(db, stale, asOf), asOf)) out.set(id, r);
  return out;
}

export function statusesFromFacts(
  facts: Map<string, AssignmentFactsRow>,
  asOf: string,
): Map<string, StatusResult> {
  const out = new Map<string, StatusResult>();
  for (const [id, f] of facts)
    out.set(id, assignmentStatus(f, asOf, { atRiskMargin: f.atRiskMargin, reportDueDays: f.reportDueDays }));
  return out;
}
