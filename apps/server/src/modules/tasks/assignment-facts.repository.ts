/**
 * Loads what the status engine needs for a set of assignments. Other modules (reports, notifications,
 * task-io) call `loadFacts` / `assignmentStatuses` instead of re-deriving status themselves.
 */
import type { ReportingFrequency, ReportStatus } from '@pilotage/contracts';
import { sql } from 'kysely';
import type { Executor } from '../../db/transaction.ts';
import { assignmentStatus, type AssignmentFacts, type StatusResult } from './status-engine.ts';
import { anyUuid } from './scope.ts';

export interface AssignmentFactsRow extends AssignmentFacts {
  atRiskMargin: number;
  reportDueDays: number;
}

const CHUNK = 1000;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * Facts per assignment id (ids that do not exist are absent from the map). Reads only; pass `tx` inside a
 * transaction. `reports` holds only the reports the engine can count (submitted or accepted); the
 * original deadline falls back to the task's when the assignment has none.
 */
export async function loadFacts(
  db: Executor,
  assignmentIds: readonly string[],
): Promise<Map<string, AssignmentFactsRow>> {
  const ids = [...new Set(assignmentIds)];
  const out = new Map<string, AssignmentFactsRow>();
  if (ids.length === 0) return out;
  for (const part of chunks(ids)) {
    const rows = await db
      .selectFrom('assignment as a')
      .innerJoin('task as t', 't.id', 'a.task_id')
      .innerJoin('programme as p', 'p.id', 't.programme_id')
      .select([
        'a.id',
        'a.original_deadline',
        'a.completed_on',
        't.start_date',
        't.deadline as task_deadline',
        't.is_continuous',
        't.reporting_frequency as task_frequency',
        'p.reporting_frequency as programme_frequency',
        'p.at_risk_margin',
        'p.report_due_days',
      ])
      .where('a.id', '=', anyUuid(part))
      .execute();
    for (const r of rows) {
      out.set(r.id, {
        startDate: r.start_date,
        originalDeadline: r.is_continuous ? null : (r.original_deadline ?? r.task_deadline),
        extensions: [],
        completedOn: r.completed_on,
        isContinuous: r.is_continuous,
        reportingFrequency: (r.task_frequency ?? r.programme_frequency) as ReportingFrequency,
        reports: [],
        atRiskMargin: r.at_risk_margin,
        reportDueDays: r.report_due_days,
      });
    }
    const extensions = await db
      .selectFrom('deadline_extension')
      .select(['assignment_id', 'requested_deadline', 'effective_on'])
      .where('assignment_id', '=', anyUuid(part))
      .where('status', '=', 'approved')
      .where('effective_on', 'is not', null)
      .execute();
    for (const e of extensions) {
      out
        .get(e.assignment_id)
        ?.extensions.push({ newDeadline: e.requested_deadline, effectiveOn: e.effective_on! });
    }
    const reports = await db
      .selectFrom('progress_report')
      .select(['assignment_id', 'period', 'period_end', 'due_on', 'progress', 'status'])
      // the submission's calendar date in Vietnam (UTC+7, no DST), as vnDate() computes it; a 'YYYY-MM-DD' string
      .select(
        sql<string | null>`((submitted_at at time zone 'UTC') + interval '7 hours')::date`.as('submitted_on'),
      )
      .where('assignment_id', '=', anyUuid(part))
      .where('status', 'in', ['submitted', 'accepted'])
      .execute();
    for (const r of reports) {
      out.get(r.assignment_id)?.reports.push({
        period: r.period,
        periodEnd: r.period_end,
        dueOn: r.due_on,
        submittedOn: r.submitted_on,
        progress: r.progress,
        status: r.status as ReportStatus,
      });
    }
  }
  return out;
}

/** Status of each assignment as of a date, computed by the engine from `loadFacts`. */
export async function assignmentStatuses(
  db: Executor,
  assignmentIds: readonly string[],
  asOf: string,
): Promise<Map<string, StatusResult>> {
  const facts = await loadFacts(db, assignmentIds);
  return statusesFromFacts(facts, asOf);
}

export function statusesFromFacts(
  facts: Map<string, AssignmentFactsRow>,
  asOf: string,
): Map<string, StatusResult> {
  const out = new Map<string, StatusResult>();
  for (const [id, f] of facts)
    out.set(id, assignmentStatus(f, asOf, { atRiskMargin: f.atRiskMargin, reportDueDays: f.reportDueDays }));
  return out;
}
