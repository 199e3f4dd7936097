/**
 * An assignment's reporting periods as of a date, and what its unit has to do about them (pure, no I/O).
 * The one rule behind the periods table of an assignment, "my assignments" (missing periods, returned
 * reports, report awaiting review, next report due) and the "due within N days" filter.
 *
 * - Periods run from the task start's period to the period containing asOf; once the work is completed
 *   (completedOn ≤ asOf) they stop at the completion's period — nothing is due after it. A period that
 *   has a report is always listed, unless it begins after asOf.
 * - A period is received when its report is counted (submitted or accepted, task-rules.ts) and was
 *   submitted on or before asOf.
 * - Missing: not received and its due date (period end + reportDueDays) has passed (dueOn < asOf).
 * - Next due: the oldest period not received whose due date is on or after asOf, none once completed
 *   (`periodsDueBetween`
 *   gives SQL the periods falling due in a window, for the "due within N days" filter).
 * - Awaiting review: the latest counted report not yet accepted (task-rules.ts, ADR 0013).
 * - For the assigned unit itself (`internal`), a report waiting for its lead's approval is not missing
 *   from its to-do but "awaiting approval"; other viewers see such a period as any unreported one.
 */
import type { ReportingFrequency, ReportStatus } from '@pilotage/contracts';
import { addDays, dueOn, periodBounds, periodsBetween } from './reporting-period.ts';
import { isAwaitingReview, isCountedReport, latestReport } from './task-rules.ts';

export interface ReportingReport {
  id: string;
  period: string;
  status: ReportStatus;
  progress: number;
  /** Calendar date of the submission (Vietnam), null when never submitted. */
  submittedOn: string | null;
  submittedAt: Date | null;
}

export interface ReportingInput {
  startDate: string;
  completedOn: string | null;
  frequency: ReportingFrequency;
  reportDueDays: number;
  reports: readonly ReportingReport[];
  /**
   * The viewer belongs to the assigned unit: its internal reports count for its to-do (a report waiting
   * for the unit lead's approval is not "missing" for its writers). Others never learn of them.
   */
  internal?: boolean;
}

export interface PeriodState {
  period: string;
  periodStart: string;
  periodEnd: string;
  dueOn: string;
  report: ReportingReport | null;
  received: boolean;
  missing: boolean;
}

const completedBy = (i: ReportingInput, asOf: string) =>
  i.completedOn !== null && i.completedOn <= asOf ? i.completedOn : null;

/** The periods as of asOf, latest first. */
export function reportingPeriods(i: ReportingInput, asOf: string): PeriodState[] {
  const completed = completedBy(i, asOf);
  const last = completed && completed < asOf ? completed : asOf;
  const keys = new Set(last >= i.startDate ? periodsBetween(i.startDate, last, i.frequency) : []);
  const byPeriod = new Map<string, ReportingReport>();
  for (const r of i.reports) {
    // a report's period is listed even after completion, never after asOf (a review of a past date)
    if (periodBounds(r.period).start <= asOf) keys.add(r.period);
    byPeriod.set(r.period, r);
  }
  // one frequency per assignment: keys of one kind sort chronologically as strings
  return [...keys]
    .sort()
    .reverse()
    .map((period) => {
      const bounds = periodBounds(period);
      const due = dueOn(period, i.reportDueDays);
      const report = byPeriod.get(period) ?? null;
      const received =
        report !== null &&
        isCountedReport(report.status) &&
        report.submittedOn !== null &&
        report.submittedOn <= asOf;
      const needed = completed === null || bounds.start <= completed;
      return {
        period,
        periodStart: bounds.start,
        periodEnd: bounds.end,
        dueOn: due,
        report,
        received,
        missing: needed && !received && due < asOf,
      };
    });
}

export interface ReportingSummary {
  missingCount: number;
  oldestMissing: { period: string; dueOn: string } | null;
  nextDue: { period: string; dueOn: string } | null;
  returnedCount: number;
  oldestReturned: { reportId: string; period: string } | null;
  awaitingReview: { reportId: string; period: string; progress: number; submittedAt: Date } | null;
  /** Oldest report waiting for the unit lead's approval (only for the assigned unit itself). */
  awaitingApproval: { reportId: string; period: string } | null;
}

export function reportingSummary(i: ReportingInput, asOf: string): ReportingSummary {
  const periods = reportingPeriods(i, asOf);
  const completed = completedBy(i, asOf);
  const oldestFirst = [...periods].reverse();
  const withLead = (p: PeriodState) => i.internal === true && p.report?.status === 'pending_approval';
  const missing = oldestFirst.filter((p) => p.missing && !withLead(p));
  const approval = oldestFirst.find(withLead);
  // once completed nothing more falls due
  const next =
    completed === null
      ? oldestFirst.find((p) => !p.received && p.dueOn >= asOf && p.periodEnd >= i.startDate)
      : undefined;
  const returned = oldestFirst.filter((p) => p.report?.status === 'returned');
  const awaiting = latestReport(
    i.reports
      .filter((r) => isAwaitingReview(r.status) && r.submittedOn !== null && r.submittedOn <= asOf)
      .map((r) => ({ ...r, periodEnd: periodBounds(r.period).end })),
  );
  return {
    missingCount: missing.length,
    oldestMissing: missing[0] ? { period: missing[0].period, dueOn: missing[0].dueOn } : null,
    nextDue: next ? { period: next.period, dueOn: next.dueOn } : null,
    returnedCount: returned.length,
    oldestReturned: returned[0] ? { reportId: returned[0].report!.id, period: returned[0].period } : null,
    awaitingApproval: approval?.report ? { reportId: approval.report.id, period: approval.period } : null,
    awaitingReview:
      awaiting && awaiting.submittedAt
        ? {
            reportId: awaiting.id,
            period: awaiting.period,
            progress: awaiting.progress,
            submittedAt: awaiting.submittedAt,
          }
        : null,
  };
}

/**
 * The periods of `freq` whose report falls due in [from, to] (report due `reportDueDays` after the period
 * end): the "due within N days" filter asks SQL for assignments with such a period not yet received.
 */
export function periodsDueBetween(
  freq: ReportingFrequency,
  reportDueDays: number,
  from: string,
  to: string,
): string[] {
  // a period due on or after `from` ends on or after from − reportDueDays
  return periodsBetween(addDays(from, -reportDueDays), to, freq).filter((key) => {
    const due = dueOn(key, reportDueDays);
    return due >= from && due <= to;
  });
}
