/**
 * Reads what `reporting-state.ts` needs for a page of assignments (their reports and calendar) and returns
 * each one's reporting summary as of a date. Reads only; pass `tx` inside a transaction.
 */
import type { AssignmentReporting } from '@pilotage/contracts';
import { sql } from 'kysely';
import type { Executor } from '../../db/transaction.ts';
import { reportingSummary, type ReportingReport, type ReportingSummary } from './reporting-state.ts';
import { anyUuid } from './scope.ts';
import { effectiveFrequency } from './task-rules.ts';

// the submission's calendar date in Vietnam (UTC+7, no DST), as vnDate() computes it
const submittedOn = sql<string | null>`((submitted_at at time zone 'UTC') + interval '7 hours')::date`;

export async function reportingOf(
  db: Executor,
  assignmentIds: readonly string[],
  asOf: string,
  viewerUnitId?: string,
): Promise<Map<string, ReportingSummary>> {
  const out = new Map<string, ReportingSummary>();
  const ids = [...new Set(assignmentIds)];
  if (!ids.length) return out;
  const [calendars, reports] = await Promise.all([
    db
      .selectFrom('assignment as a')
      .innerJoin('task as t', 't.id', 'a.task_id')
      .innerJoin('programme as p', 'p.id', 't.programme_id')
      .select([
        'a.id',
        'a.completed_on',
        'a.unit_id',
        't.start_date',
        't.reporting_frequency as task_frequency',
        'p.reporting_frequency as programme_frequency',
        'p.report_due_days',
      ])
      .where('a.id', '=', anyUuid(ids))
      .execute(),
    db
      .selectFrom('progress_report')
      .select(['id', 'assignment_id', 'period', 'status', 'progress', 'submitted_at'])
      .select(submittedOn.as('submitted_on'))
      .where('assignment_id', '=', anyUuid(ids))
      .execute(),
  ]);
  const byAssignment = new Map<string, ReportingReport[]>();
  for (const r of reports) {
    const list = byAssignment.get(r.assignment_id) ?? [];
    list.push({
      id: r.id,
      period: r.period,
      status: r.status,
      progress: r.progress,
      submittedOn: r.submitted_on,
      submittedAt: r.submitted_at,
    });
    byAssignment.set(r.assignment_id, list);
  }
  for (const c of calendars) {
    out.set(
      c.id,
      reportingSummary(
        {
          startDate: c.start_date,
          completedOn: c.completed_on,
          frequency: effectiveFrequency(c.task_frequency, c.programme_frequency),
          reportDueDays: c.report_due_days,
          reports: byAssignment.get(c.id) ?? [],
          internal: viewerUnitId !== undefined && c.unit_id === viewerUnitId,
        },
        asOf,
      ),
    );
  }
  return out;
}

export const NO_REPORTING: ReportingSummary = {
  missingCount: 0,
  oldestMissing: null,
  nextDue: null,
  returnedCount: 0,
  oldestReturned: null,
  awaitingReview: null,
  awaitingApproval: null,
};

export const toReporting = (s: ReportingSummary): AssignmentReporting => ({
  ...s,
  awaitingReview: s.awaitingReview
    ? { ...s.awaitingReview, submittedAt: s.awaitingReview.submittedAt.toISOString() }
    : null,
});
