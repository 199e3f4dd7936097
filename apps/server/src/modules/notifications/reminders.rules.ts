import { createHash } from 'node:crypto';
import type { ReportingFrequency } from '@pilotage/contracts';
import {
  addDays,
  daysBetween,
  dueOn,
  effectiveDeadline,
  frequencyOfKey,
  isCountedReport,
  judgedPeriodOf,
  periodBounds,
  type AssignmentFacts,
} from '../tasks/index.ts';
import { isExpected } from '../reports/index.ts';
import type { ReminderParams } from '../events/index.ts';

/** A reminder about one assignment: the reminder job records it as a `reminder.*` event with this dedupe key. */
export interface PlannedReminder {
  kind: 'due_in_7_days' | 'due_in_1_day' | 'overdue' | 'escalation';
  unitId: string;
  assignmentId: string;
  period: null;
  params: ReminderParams;
  dedupeKey: string;
}

/**
 * The reminder rules (pure). Dedupe keys name the fact, so running the job again, on another instance or the
 * next hour, raises nothing new:
 * - due_in_7_days when 2–7 days remain before the deadline in force, due_in_1_day when 0–1 remain
 *   (key per deadline: an extension re-arms them);
 * - overdue once the deadline has passed (once per deadline);
 * - escalation to the unit that ASSIGNED the work (its steering staff, leads, reviewers) once escalationDays
 *   have passed since the deadline (issue 8 item 5: not the national root);
 * - report missing for the latest period whose due date has passed without a submitted/accepted report,
 *   grouped: one per recipient unit and period (`groupMissing`).
 * Completed assignments (completedOn ≤ asOf) and work not started yet get no reminder at all.
 */
export interface ReminderAssignment {
  id: string;
  unitId: string;
  unitName: string;
  assignedByUnitId: string;
  taskCode: string;
  taskTitle: string;
  escalationDays: number;
}

/**
 * Deadline reminders of an open (not completed, started) assignment whose deadline in force on asOf is
 * `deadline`. The job reads the deadline from the stored status (effective_deadline) or, for a date the
 * stored status does not cover, from the engine on the facts.
 */
export function deadlineReminders(a: ReminderAssignment, deadline: string, asOf: string): PlannedReminder[] {
  const note = (kind: PlannedReminder['kind'], unitId: string, days: number): PlannedReminder => ({
    kind,
    unitId,
    assignmentId: a.id,
    period: null,
    params: { taskCode: a.taskCode, taskTitle: a.taskTitle, unitName: a.unitName, deadline, days },
    dedupeKey: `${kind}:${a.id}:${deadline}`,
  });
  const left = daysBetween(asOf, deadline);
  if (left >= 2 && left <= 7) return [note('due_in_7_days', a.unitId, left)];
  if (left >= 0 && left <= 1) return [note('due_in_1_day', a.unitId, left)];
  if (left >= 0) return [];
  const out = [note('overdue', a.unitId, -left)];
  if (-left >= a.escalationDays) out.push(note('escalation', a.assignedByUnitId, -left));
  return out;
}

/** The deadline in force on asOf of work open on asOf (started, not completed), from its facts; else null. */
export function openDeadline(f: AssignmentFacts, asOf: string): string | null {
  if (asOf < f.startDate || (f.completedOn !== null && f.completedOn <= asOf)) return null;
  return effectiveDeadline(f, asOf).deadline;
}

/** What decides which period of a task is "missing" (task and programme settings). */
export interface MissingReportTask {
  startDate: string;
  frequency: ReportingFrequency;
  reportDueDays: number;
  programmeStart: string;
  programmeEnd: string;
}

/**
 * The period of a task whose report is missing on asOf for every open assignment that has no counted report
 * for it: the latest period whose due date is strictly before asOf, if a report is expected for it (it
 * overlaps the programme and the task had started by its end). An assignment still open on asOf was not
 * completed before that period began, so the rest of "expected" holds for every open assignment.
 */
export function missingReportPeriod(
  t: MissingReportTask,
  asOf: string,
): { period: string; dueOn: string } | null {
  if (asOf < t.startDate) return null;
  const period = judgedPeriodOf(t.startDate, t.frequency, addDays(asOf, -1), t.reportDueDays);
  if (!period) return null;
  const expected = isExpected(
    {
      startDate: t.startDate,
      completedOn: null,
      programmeStart: t.programmeStart,
      programmeEnd: t.programmeEnd,
    },
    periodBounds(period),
  );
  return expected ? { period, dueOn: dueOn(period, t.reportDueDays) } : null;
}

/** One "report missing" reminder: a unit, a period, the assignments that did not report for it. */
export interface MissingReports {
  unitId: string;
  period: string;
  assignmentIds: string[];
  params: ReminderParams;
  dedupeKey: string;
}

/** Shown in the message: the first task codes of a group (the full list of assignments is in the params). */
const CODES_SHOWN = 5;

/**
 * Groups the missing reports of one unit and period (issue 8 item 5: one run made 6,744 notifications): one
 * reminder with the count, the earliest due date, the task codes and the assignment ids — of the assignments
 * the unit was not told about yet for that period (`told`: ids named by earlier reminders). Null when there is
 * nothing new. The first reminder of a unit and period is keyed `report_missing:<unit>:<period>`, a later one
 * (work assigned since) by the digest of its ids: concurrent runs computing the same group record it once.
 */
export function groupMissing(
  unitId: string,
  period: string,
  items: readonly {
    assignmentId: string;
    taskCode: string;
    taskTitle: string;
    unitName: string;
    dueOn: string;
  }[],
  told: ReadonlySet<string> = new Set(),
): MissingReports | null {
  const sorted = items
    .filter((i) => !told.has(i.assignmentId))
    .sort((x, y) => (x.taskCode < y.taskCode ? -1 : x.taskCode > y.taskCode ? 1 : 0));
  const first = sorted[0];
  if (!first) return null;
  const codes = sorted.map((i) => i.taskCode);
  const ids = sorted.map((i) => i.assignmentId);
  const base = `report_missing:${unitId}:${period}`;
  const digest = createHash('sha256')
    .update([...ids].sort().join(','))
    .digest('hex')
    .slice(0, 16);
  return {
    unitId,
    period,
    assignmentIds: ids,
    params: {
      count: sorted.length,
      periodKind: frequencyOfKey(period),
      dueOn: sorted.reduce((m, i) => (i.dueOn < m ? i.dueOn : m), first.dueOn),
      unitName: first.unitName,
      taskCode: first.taskCode,
      taskTitle: first.taskTitle,
      taskCodes: codes.slice(0, CODES_SHOWN).join(', ') + (codes.length > CODES_SHOWN ? ', …' : ''),
      assignmentIds: ids.join(','),
    },
    dedupeKey: told.size === 0 ? base : `${base}:${digest}`,
  };
}

/**
 * Everything one assignment deserves on a date, from its facts (the rules above composed; the job applies
 * them in SQL batches, this states them on one assignment for the tests). `task` gives the report settings.
 */
export function planReminders(
  a: ReminderAssignment,
  f: AssignmentFacts,
  asOf: string,
  task: Omit<MissingReportTask, 'startDate' | 'frequency'>,
): { deadline: PlannedReminder[]; missing: { period: string; dueOn: string } | null } {
  if (asOf < f.startDate || (f.completedOn !== null && f.completedOn <= asOf))
    return { deadline: [], missing: null };
  const deadline = openDeadline(f, asOf);
  const m = missingReportPeriod(
    { ...task, startDate: f.startDate, frequency: f.reportingFrequency ?? 'monthly' },
    asOf,
  );
  const received =
    m !== null &&
    f.reports.some(
      (r) =>
        r.period === m.period && isCountedReport(r.status) && r.submittedOn !== null && r.submittedOn <= asOf,
    );
  return {
    deadline: deadline === null ? [] : deadlineReminders(a, deadline, asOf),
    missing: m && !received ? m : null,
  };
}
