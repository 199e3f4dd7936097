/**
 * The status clock: when time alone changes an assignment's status. Pure, no I/O.
 *
 * A stored status (ADR 0010) is the engine's result as of a date D; `nextChangeOn(facts, D)` is the first
 * date after D on which the engine's result may differ without any new fact — so a stored row stays true
 * until that date, and the status job recomputes it then. Candidates (the earliest one after D wins):
 * - the start date (not_started before it);
 * - the effective deadline + 1 (a dated assignment turns overdue);
 * - the first day the at-risk flag turns on (elapsed time only grows, so the flag can only switch on);
 * - for continuous work, the due date of the period after the judged one (the judged period moves on);
 * - any dated fact after D already recorded (completion, an extension's effective date, a submission).
 * null: nothing changes with time alone (done, or overdue with no later fact).
 * The property test in status-clock.test.ts checks that the result is constant on [D, nextChangeOn).
 */
import type { ReportingFrequency } from '@pilotage/contracts';
import { addDays, DEFAULT_REPORT_DUE_DAYS, dueOn, nextPeriod, periodOf } from './reporting-period.ts';
import {
  assignmentStatus,
  isAtRisk,
  judgedPeriodOf,
  type AssignmentFacts,
  type EngineOptions,
} from './status-engine.ts';

function earliestAfter(asOf: string, dates: (string | null | undefined)[]): string | null {
  let best: string | null = null;
  for (const d of dates) if (d && d > asOf && (!best || d < best)) best = d;
  return best;
}

/** First day in (asOf, deadline] on which the at-risk flag is on, or null (monotone: binary search). */
function atRiskFrom(
  start: string,
  deadline: string,
  asOf: string,
  progress: number,
  margin: number,
): string | null {
  if (!isAtRisk(start, deadline, deadline, progress, margin)) return null;
  let lo = 1;
  let hi = Math.max(1, Math.round((Date.parse(deadline) - Date.parse(asOf)) / 86_400_000));
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (isAtRisk(start, deadline, addDays(asOf, mid), progress, margin)) hi = mid;
    else lo = mid + 1;
  }
  return addDays(asOf, lo);
}

/** The due date on which the next reporting period becomes the judged one. */
function nextJudgedDue(start: string, freq: ReportingFrequency, asOf: string, reportDueDays: number): string {
  const judged = judgedPeriodOf(start, freq, asOf, reportDueDays);
  const next = judged ? nextPeriod(judged) : periodOf(start, freq);
  let key = next;
  // the first period after the judged one whose due date lies after asOf
  while (dueOn(key, reportDueDays) <= asOf) key = nextPeriod(key);
  return dueOn(key, reportDueDays);
}

export function nextChangeOn(f: AssignmentFacts, asOf: string, opts: EngineOptions): string | null {
  const reportDueDays = opts.reportDueDays ?? DEFAULT_REPORT_DUE_DAYS;
  const now = assignmentStatus(f, asOf, opts);
  const recorded = earliestAfter(asOf, [
    f.completedOn,
    ...f.extensions.map((e) => e.effectiveOn),
    ...f.reports.map((r) => r.submittedOn),
  ]);
  // completed work stays done; continuous work is judged again each period
  if (f.completedOn !== null && f.completedOn <= asOf) return recorded;

  const candidates: (string | null)[] = [recorded, asOf < f.startDate ? f.startDate : null];
  if (f.isContinuous) {
    candidates.push(nextJudgedDue(f.startDate, f.reportingFrequency ?? 'monthly', asOf, reportDueDays));
  } else if (now.effectiveDeadline !== null) {
    const deadline = now.effectiveDeadline;
    candidates.push(addDays(deadline, 1));
    if (!now.atRisk && asOf >= f.startDate && asOf < deadline)
      candidates.push(atRiskFrom(f.startDate, deadline, asOf, now.progress, opts.atRiskMargin));
  }
  return earliestAfter(asOf, candidates);
}
