/** The rules of a report's fields, shared by the report service and the workflow (pure, but for today's date). */
import { effectiveFrequency, todayVn } from '../tasks/index.ts';
import { AppError } from '../../http/errors.ts';
import type { MessageKey } from '../../http/messages.ts';
import type { ReportAssignmentRow, ReportRow } from './reports.repository.ts';

/** What the audit trail keeps of a report (the timeline reads it back). */
export const reportSnapshot = (r: ReportRow) => ({
  assignmentId: r.id,
  period: r.period,
  status: r.status,
  progress: r.report_progress,
  narrative: r.narrative,
  difficulties: r.difficulties,
  proposals: r.proposals,
  product: r.report_product,
  completedOn: r.report_completed_on,
  returnReason: r.return_reason,
});

export const frequencyOf = (a: Pick<ReportAssignmentRow, 'task_frequency' | 'programme_frequency'>) =>
  effectiveFrequency(a.task_frequency, a.programme_frequency);

/** Completion fields: a date only with 100% on a dated task, not in the future, not before the start. */
export function checkCompletion(
  a: ReportAssignmentRow,
  r: { progress: number; completedOn: string | null },
  atSubmit: boolean,
) {
  const today = todayVn();
  if (r.completedOn !== null) {
    if (r.progress !== 100 || a.is_continuous)
      throw badField('completedOn', 'report_completed_on_requires_full');
    if (r.completedOn > today) throw badField('completedOn', 'report_completed_on_future');
    if (r.completedOn < a.start_date)
      throw badField('completedOn', 'report_completed_on_before_start', { start: a.start_date });
  } else if (atSubmit && r.progress === 100 && !a.is_continuous) {
    throw badField('completedOn', 'report_completed_on_required');
  }
}

export const badField = (path: string, key: MessageKey, params: Record<string, string> = {}) =>
  new AppError(400, key, params, [{ path, key, params }]);
