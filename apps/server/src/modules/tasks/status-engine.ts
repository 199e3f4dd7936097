/**
 * The status engine: the ONE place where the task status rule lives. Pure, no I/O.
 * (docs/adr/0005-status-engine.md explains the choices.) All dates are calendar dates 'YYYY-MM-DD'.
 *
 * assignmentStatus(facts, asOf, { atRiskMargin, reportDueDays }):
 * - Counted reports: status `submitted` or `accepted` with submittedOn ≤ asOf. Drafts, reports waiting for
 *   the unit lead's approval (`pending_approval`) and `returned` reports do not count.
 * - Progress as of asOf: the progress of the latest ACCEPTED counted report (latest period, then latest
 *   submission; ADR 0013); 0 when none; 100 once completed (completedOn ≤ asOf). A submitted report not
 *   yet accepted is "awaiting review" (reporting-state.ts): it never overrides accepted progress, but it
 *   counts as reporting (in_progress rather than not_started; the judged period of continuous work).
 * - Effective deadline as of asOf: the approved extension with the latest effectiveOn ≤ asOf
 *   (deadlineUsed 'extended'), else the original deadline ('original'); continuous or undated → 'none'.
 *   An extension approved after asOf is not used, so a review as of a past date is reproducible.
 * - Completed (completedOn ≤ asOf): done_on_time if completedOn ≤ effective deadline (or no deadline),
 *   else done_late. Completing ON the deadline day is on time.
 * - Before the start date: not_started.
 * - Dated: asOf > effective deadline → overdue (the deadline day itself is still in_progress);
 *   otherwise in_progress if progress > 0 or a counted report exists, else not_started.
 * - Continuous (thường xuyên): judged on the latest reporting period whose due date
 *   (period end + reportDueDays) is ≤ asOf and which ends on/after the start date (judgedPeriod):
 *   its earliest counted report submitted by the due date → done_on_time, later (but by asOf) → done_late,
 *   none → overdue. No period due yet → in_progress / not_started as for dated work.
 * - at_risk is a flag, not a status: only for a dated assignment that is in_progress or not_started,
 *   when elapsed% of [start, effective deadline] − progress > atRiskMargin (percentage points).
 *
 * rollUp(results) = rollUpAggregate(aggregateOf(results)) — the roll-up rule works on counts, so SQL can
 * aggregate stored statuses and this file still decides: all done → done_late if any late else done_on_time;
 * else any overdue → overdue; else any in_progress or done → in_progress; else not_started (also when empty). atRisk when any child is at
 * risk and the rolled-up status is in_progress/not_started. progress = rounded average. effectiveDeadline =
 * the latest child deadline; deadlineUsed 'extended' if any child used an extension.
 */
import { isAuthoritativeReport, isCountedReport, latestReport } from './task-rules.ts';
import type { ReportingFrequency, ReportStatus, StatusCounts, TaskStatus } from '@pilotage/contracts';
import {
  addDays,
  daysBetween,
  DEFAULT_REPORT_DUE_DAYS,
  dueOn,
  periodBounds,
  periodOf,
} from './reporting-period.ts';

export interface ReportFact {
  period: string;
  periodEnd: string;
  dueOn: string;
  submittedOn: string | null;
  progress: number;
  status: ReportStatus;
}

export interface AssignmentFacts {
  startDate: string;
  originalDeadline: string | null;
  extensions: { newDeadline: string; effectiveOn: string }[];
  completedOn: string | null;
  isContinuous: boolean;
  reportingFrequency: ReportingFrequency | null;
  reports: ReportFact[];
}

export interface StatusResult {
  status: TaskStatus;
  atRisk: boolean;
  progress: number;
  deadlineUsed: 'original' | 'extended' | 'none';
  effectiveDeadline: string | null;
  judgedPeriod: string | null;
}

export interface EngineOptions {
  atRiskMargin: number;
  reportDueDays?: number;
}

/** Reports that count as of asOf. */
export function countedReports(reports: ReportFact[], asOf: string): ReportFact[] {
  return reports.filter((r) => isCountedReport(r.status) && r.submittedOn !== null && r.submittedOn <= asOf);
}

/** The deadline in force on asOf and which one it is. */
export function effectiveDeadline(
  f: Pick<AssignmentFacts, 'originalDeadline' | 'extensions' | 'isContinuous'>,
  asOf: string,
): { deadline: string | null; used: StatusResult['deadlineUsed'] } {
  if (f.isContinuous) return { deadline: null, used: 'none' };
  let best: { newDeadline: string; effectiveOn: string } | null = null;
  for (const e of f.extensions) {
    if (e.effectiveOn <= asOf && (!best || e.effectiveOn >= best.effectiveOn)) best = e;
  }
  if (best) return { deadline: best.newDeadline, used: 'extended' };
  if (f.originalDeadline) return { deadline: f.originalDeadline, used: 'original' };
  return { deadline: null, used: 'none' };
}

/** Progress as of asOf: the latest accepted report's (the authoritative report, ADR 0013), else 0. */
export function acceptedProgress(counted: readonly ReportFact[]): number {
  return latestReport(counted.filter((r) => isAuthoritativeReport(r.status)))?.progress ?? 0;
}

/** The latest period (of `freq`) whose report is due on or before asOf and that ends on/after start. */
export function judgedPeriodOf(
  start: string,
  freq: ReportingFrequency,
  asOf: string,
  reportDueDays: number,
): string | null {
  let key = periodOf(asOf, freq);
  while (dueOn(key, reportDueDays) > asOf) key = periodOf(addDays(periodBounds(key).start, -1), freq);
  return periodBounds(key).end >= start ? key : null;
}

export function assignmentStatus(f: AssignmentFacts, asOf: string, opts: EngineOptions): StatusResult {
  const reportDueDays = opts.reportDueDays ?? DEFAULT_REPORT_DUE_DAYS;
  const { deadline, used } = effectiveDeadline(f, asOf);
  const counted = countedReports(f.reports, asOf);
  const completed = f.completedOn !== null && f.completedOn <= asOf;
  const progress = completed ? 100 : acceptedProgress(counted);
  const base = {
    progress,
    deadlineUsed: used,
    effectiveDeadline: deadline,
    judgedPeriod: null as string | null,
  };

  if (completed) {
    const late = deadline !== null && f.completedOn! > deadline;
    return { ...base, status: late ? 'done_late' : 'done_on_time', atRisk: false };
  }
  if (asOf < f.startDate) return { ...base, status: 'not_started', atRisk: false };

  const started: TaskStatus = progress > 0 || counted.length > 0 ? 'in_progress' : 'not_started';

  if (f.isContinuous) {
    const period = judgedPeriodOf(f.startDate, f.reportingFrequency ?? 'monthly', asOf, reportDueDays);
    if (!period) return { ...base, status: started, atRisk: false };
    const due = dueOn(period, reportDueDays);
    let first: string | null = null;
    for (const r of counted)
      if (r.period === period && (!first || r.submittedOn! < first)) first = r.submittedOn;
    const status: TaskStatus = first === null ? 'overdue' : first <= due ? 'done_on_time' : 'done_late';
    return { ...base, status, atRisk: false, judgedPeriod: period };
  }

  if (deadline !== null && asOf > deadline) return { ...base, status: 'overdue', atRisk: false };
  return {
    ...base,
    status: started,
    atRisk: deadline !== null && isAtRisk(f.startDate, deadline, asOf, progress, opts.atRiskMargin),
  };
}

/** elapsed% of [start, deadline] − progress > margin. */
export function isAtRisk(
  start: string,
  deadline: string,
  asOf: string,
  progress: number,
  margin: number,
): boolean {
  const span = daysBetween(start, deadline);
  const elapsed = span <= 0 ? 100 : Math.min(100, Math.max(0, (daysBetween(start, asOf) / span) * 100));
  return elapsed - progress > margin;
}

const DONE: ReadonlySet<TaskStatus> = new Set<TaskStatus>(['done_on_time', 'done_late']);

/**
 * What a roll-up needs from its children: counts per status and a few aggregates. SQL computes it for stored
 * statuses (GROUP BY), `aggregateOf` for results in memory; `rollUpAggregate` applies the rule to either.
 */
export interface RollUpAggregate {
  counts: StatusCounts;
  atRisk: number;
  progressSum: number;
  maxDeadline: string | null;
  maxJudgedPeriod: string | null;
  extended: number;
  original: number;
}

export function aggregateOf(results: readonly StatusResult[]): RollUpAggregate {
  const a: RollUpAggregate = {
    counts: countByStatus(results),
    atRisk: 0,
    progressSum: 0,
    maxDeadline: null,
    maxJudgedPeriod: null,
    extended: 0,
    original: 0,
  };
  for (const r of results) {
    if (r.atRisk) a.atRisk += 1;
    a.progressSum += r.progress;
    if (r.effectiveDeadline && (!a.maxDeadline || r.effectiveDeadline > a.maxDeadline))
      a.maxDeadline = r.effectiveDeadline;
    if (r.judgedPeriod && (!a.maxJudgedPeriod || r.judgedPeriod > a.maxJudgedPeriod))
      a.maxJudgedPeriod = r.judgedPeriod;
    if (r.deadlineUsed === 'extended') a.extended += 1;
    if (r.deadlineUsed === 'original') a.original += 1;
  }
  return a;
}

export function rollUpAggregate(a: RollUpAggregate): StatusResult {
  const c = a.counts;
  const n = c.done_on_time + c.done_late + c.in_progress + c.overdue + c.not_started;
  if (n === 0) {
    return {
      status: 'not_started',
      atRisk: false,
      progress: 0,
      deadlineUsed: 'none',
      effectiveDeadline: null,
      judgedPeriod: null,
    };
  }
  const done = c.done_on_time + c.done_late;
  let status: TaskStatus;
  if (done === n) status = c.done_late > 0 ? 'done_late' : 'done_on_time';
  else if (c.overdue > 0) status = 'overdue';
  else if (c.in_progress > 0 || done > 0) status = 'in_progress';
  else status = 'not_started';

  const atRisk = (status === 'in_progress' || status === 'not_started') && a.atRisk > 0;
  const deadlineUsed = a.extended > 0 ? 'extended' : a.original > 0 ? 'original' : 'none';
  return {
    status,
    atRisk,
    progress: Math.round(a.progressSum / n),
    deadlineUsed,
    effectiveDeadline: a.maxDeadline,
    judgedPeriod: a.maxJudgedPeriod,
  };
}

export function rollUp(results: StatusResult[]): StatusResult {
  return rollUpAggregate(aggregateOf(results));
}

export function emptyCounts(): StatusCounts {
  return { done_on_time: 0, done_late: 0, in_progress: 0, overdue: 0, not_started: 0 };
}

export function countByStatus(results: readonly { status: TaskStatus }[]): StatusCounts {
  const c = emptyCounts();
  for (const r of results) c[r.status] += 1;
  return c;
}

export function isDone(status: TaskStatus): boolean {
  return DONE.has(status);
}
