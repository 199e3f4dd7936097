/**
 * Small task rules that several modules apply, written once (pure). The status rule itself lives in
 * status-engine.ts; these are the facts it and others agree on.
 */
import type { ReportingFrequency, ReportStatus } from '@pilotage/contracts';

/** A report counts (for status, completeness, reminders, difficulties) once submitted or accepted. */
export const COUNTED_REPORT_STATUSES = ['submitted', 'accepted'] as const satisfies readonly ReportStatus[];

export const isCountedReport = (status: string | null): boolean =>
  status === 'submitted' || status === 'accepted';

/**
 * The authoritative report (ADR 0013): progress comes from the latest ACCEPTED report — latest period, then
 * latest submission — among those submitted on or before the date. A counted report not yet accepted
 * (`submitted`) is "awaiting review": shown apart, it never overrides accepted progress.
 */
export const AUTHORITATIVE_REPORT_STATUS = 'accepted' as const satisfies ReportStatus;
export const AWAITING_REVIEW_STATUS = 'submitted' as const satisfies ReportStatus;

export const isAuthoritativeReport = (status: string | null): boolean =>
  status === AUTHORITATIVE_REPORT_STATUS;
export const isAwaitingReview = (status: string | null): boolean => status === AWAITING_REVIEW_STATUS;

/** Report order shared by the engine and SQL (`period_end desc, submitted_at desc`): is `a` later than `b`? */
export function isLaterReport(
  a: { periodEnd: string; submittedOn: string | null },
  b: { periodEnd: string; submittedOn: string | null },
): boolean {
  return (
    a.periodEnd > b.periodEnd ||
    (a.periodEnd === b.periodEnd && (a.submittedOn ?? '') >= (b.submittedOn ?? ''))
  );
}

/** The latest report of a list by that order (null when empty). */
export function latestReport<R extends { periodEnd: string; submittedOn: string | null }>(
  reports: readonly R[],
): R | null {
  let latest: R | null = null;
  for (const r of reports) if (!latest || isLaterReport(r, latest)) latest = r;
  return latest;
}

/** The task's own reporting frequency, else its programme's. */
export function effectiveFrequency(
  taskFrequency: string | null,
  programmeFrequency: string,
): ReportingFrequency {
  return (taskFrequency ?? programmeFrequency) as ReportingFrequency;
}

/** A deadline may not fall before the start date (the deadline day may equal it). */
export const deadlineBeforeStart = (deadline: string | null | undefined, start: string): boolean =>
  !!deadline && deadline < start;

/**
 * The unit that assigns: the caller's unit, except the national root, which is no unit that assigns work —
 * its admins assign on behalf of the programme owner.
 */
export function assigningUnit(
  actorUnit: { id: string; parent_id: string | null } | undefined,
  ownerId: string,
) {
  return actorUnit && actorUnit.parent_id !== null ? actorUnit.id : ownerId;
}
