/**
 * Small task rules that several modules apply, written once (pure). The status rule itself lives in
 * status-engine.ts; these are the facts it and others agree on.
 */
import type { ReportingFrequency, ReportStatus } from '@pilotage/contracts';

/** A report counts (for status, completeness, reminders, difficulties) once submitted or accepted. */
export const COUNTED_REPORT_STATUSES = ['submitted', 'accepted'] as const satisfies readonly ReportStatus[];

export const isCountedReport = (status: string | null): boolean =>
  status === 'submitted' || status === 'accepted';

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
