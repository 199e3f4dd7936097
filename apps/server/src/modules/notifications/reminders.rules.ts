import {
  effectiveDeadline,
  judgedPeriodOf,
  type AssignmentFacts,
  addDays,
  daysBetween,
  dueOn,
  periodBounds,
} from '../tasks/index.ts';
import { isExpected, isReceived } from '../reports/index.ts';
import type { ReminderParams } from '../events/index.ts';

/** A reminder to raise: the reminder job records it as a `reminder.*` event with this dedupe key. */
export interface PlannedReminder {
  kind: 'due_in_7_days' | 'due_in_1_day' | 'overdue' | 'escalation' | 'report_missing';
  unitId: string;
  assignmentId: string;
  period: string | null;
  params: ReminderParams;
  dedupeKey: string;
}

/**
 * Which reminders an assignment deserves on a date (pure). Dedupe keys name the event, so running the job
 * again, on another instance or the next hour, raises nothing new:
 * - due_in_7_days when 2–7 days remain before the deadline in force, due_in_1_day when 0–1 remain
 *   (key per deadline: an extension re-arms them);
 * - overdue once the deadline has passed (once per deadline);
 * - escalation to the PARENT unit once escalationDays have passed since the deadline;
 * - report_missing for the latest period whose due date has passed without a submitted/accepted report.
 * Completed assignments (completedOn ≤ asOf) get no reminder at all.
 */
export interface ReminderAssignment {
  id: string;
  unitId: string;
  unitName: string;
  parentUnitId: string | null;
  taskCode: string;
  taskTitle: string;
  programmeStart: string;
  programmeEnd: string;
  escalationDays: number;
  reportDueDays: number;
}

export function planReminders(a: ReminderAssignment, f: AssignmentFacts, asOf: string): PlannedReminder[] {
  const out: PlannedReminder[] = [];
  if (asOf < f.startDate) return out;
  const base = { taskCode: a.taskCode, taskTitle: a.taskTitle, unitName: a.unitName };
  const completed = f.completedOn !== null && f.completedOn <= asOf;
  const note = (
    kind: PlannedReminder['kind'],
    unitId: string,
    key: string,
    params: PlannedReminder['params'],
    period: string | null = null,
  ): PlannedReminder => ({
    kind,
    unitId,
    assignmentId: a.id,
    period,
    params: { ...base, ...params },
    dedupeKey: `${kind}:${a.id}:${key}`,
  });

  const { deadline } = effectiveDeadline(f, asOf);
  if (!completed && deadline !== null) {
    const left = daysBetween(asOf, deadline);
    if (left >= 2 && left <= 7) out.push(note('due_in_7_days', a.unitId, deadline, { deadline, days: left }));
    else if (left >= 0 && left <= 1)
      out.push(note('due_in_1_day', a.unitId, deadline, { deadline, days: left }));
    else if (left < 0) {
      out.push(note('overdue', a.unitId, deadline, { deadline, days: -left }));
      if (-left >= a.escalationDays && a.parentUnitId)
        out.push(note('escalation', a.parentUnitId, deadline, { deadline, days: -left }));
    }
  }

  // the latest period whose due date is strictly before asOf
  const period = judgedPeriodOf(
    f.startDate,
    f.reportingFrequency ?? 'monthly',
    addDays(asOf, -1),
    a.reportDueDays,
  );
  if (period && !completed) {
    const bounds = periodBounds(period);
    const expected = isExpected(
      {
        startDate: f.startDate,
        completedOn: f.completedOn,
        programmeStart: a.programmeStart,
        programmeEnd: a.programmeEnd,
      },
      bounds,
    );
    const received = f.reports.some(
      (r) => r.period === period && isReceived(r.status) && r.submittedOn !== null && r.submittedOn <= asOf,
    );
    if (expected && !received)
      out.push(note('report_missing', a.unitId, period, { dueOn: dueOn(period, a.reportDueDays) }, period));
  }
  return out;
}
