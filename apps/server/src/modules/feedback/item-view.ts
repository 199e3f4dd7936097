import type { FeedbackStatus } from '@pilotage/contracts';
import { clockPaused, clockStopped } from './feedback-status.ts';
import { clockOf, type Exceptions } from './working-calendar.ts';

export interface ClockRow {
  status: FeedbackStatus;
  submitted_at: Date;
  deadline_working_days: number;
  paused_working_days: number;
  paused_at: Date | null;
}

/** The clock of a row as every view shows it (deadline, working days left, overdue, paused). */
export function clockView(row: ClockRow, exceptions: Exceptions, now = new Date()) {
  const c = clockOf(
    {
      submittedAt: row.submitted_at,
      deadlineWorkingDays: row.deadline_working_days,
      pausedWorkingDays: row.paused_working_days,
      pausedAt: clockPaused(row.status) ? row.paused_at : null,
      stopped: clockStopped(row.status),
    },
    now,
    exceptions,
  );
  return {
    dueAt: c.dueAt.toISOString(),
    workingDaysLeft: c.workingDaysLeft,
    overdue: c.overdue,
    paused: c.paused,
  };
}
