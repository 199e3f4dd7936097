import { sql } from 'kysely';
import type { Executor } from '../../db/transaction.ts';
import { addDays, anyUuid, COUNTED_REPORT_STATUSES } from '../tasks/index.ts';

/** Is the stored status of `a` valid on asOf? (status clock, ADR 0010: constant on [status_on, recheck)). */
const storedValid = (asOf: string) =>
  sql<boolean>`(a.status_on <= ${asOf}::date and (a.status_recheck_on is null or a.status_recheck_on > ${asOf}::date))`;

const deadlineColumns = [
  'a.id',
  'a.unit_id',
  'u.name as unit_name',
  'a.assigned_by_unit_id',
  't.code as task_code',
  't.title as task_title',
  'p.escalation_days',
] as const;

/**
 * Candidates of the reminder job, selected in SQL (keyset batches by id, memory bounded):
 * - `deadlines`: open assignments whose STORED status is valid on asOf and whose deadline in force
 *   (effective_deadline) is at most 7 days ahead or has passed — due soon, due tomorrow, overdue;
 * - `staleOpen`: open, dated assignments whose stored status does not cover asOf (a run for another date
 *   than the status date): the job takes their deadline from the engine on the facts;
 * - `missingReports`: per task the period judged missing (computed by the rule), the open assignments without
 *   a counted report for it submitted by asOf, grouped by unit and period.
 */
export const remindersRepository = {
  /**
   * One status at a time, walked along `assignment_status_deadline_idx` (status, effective_deadline, id):
   * each batch is an index range scan after the last (deadline, id) seen, so a run is linear in its rows.
   */
  deadlines(
    db: Executor,
    asOf: string,
    status: 'in_progress' | 'not_started' | 'overdue',
    after: { deadline: string; id: string } | null,
    limit: number,
  ) {
    let q = db
      .selectFrom('assignment as a')
      .innerJoin('task as t', 't.id', 'a.task_id')
      .innerJoin('programme as p', 'p.id', 't.programme_id')
      .innerJoin('org_unit as u', 'u.id', 'a.unit_id')
      .select(deadlineColumns)
      .select('a.effective_deadline')
      .where('a.status', '=', status)
      .where('a.effective_deadline', 'is not', null)
      .where('a.effective_deadline', '<=', addDays(asOf, 7))
      .where('t.start_date', '<=', asOf)
      .where(storedValid(asOf))
      .orderBy('a.effective_deadline')
      .orderBy('a.id')
      .limit(limit);
    if (after)
      q = q.where(sql<boolean>`(a.effective_deadline, a.id) > (${after.deadline}::date, ${after.id}::uuid)`);
    return q.execute();
  },

  /**
   * Keyset pages of open assignments (not completed on asOf) whose stored status does not cover asOf, walked
   * along the primary key (`scanned`: ids of the page, to continue after the last), then the dated ones
   * started by asOf with what the reminders show.
   */
  async staleOpen(db: Executor, asOf: string, afterId: string | null, limit: number) {
    let q = db
      .selectFrom('assignment as a')
      .select('a.id')
      .where((eb) => eb.or([eb('a.completed_on', 'is', null), eb('a.completed_on', '>', asOf)]))
      .where(sql<boolean>`not ${storedValid(asOf)}`)
      .orderBy('a.id')
      .limit(limit);
    if (afterId) q = q.where('a.id', '>', afterId);
    const scanned = (await q.execute()).map((r) => r.id);
    if (scanned.length === 0) return { scanned, rows: [] };
    const rows = await db
      .selectFrom('assignment as a')
      .innerJoin('task as t', 't.id', 'a.task_id')
      .innerJoin('programme as p', 'p.id', 't.programme_id')
      .innerJoin('org_unit as u', 'u.id', 'a.unit_id')
      .select(deadlineColumns)
      .where('a.id', '=', anyUuid(scanned))
      .where('t.is_continuous', '=', false)
      .where('t.start_date', '<=', asOf)
      .execute();
    return { scanned, rows };
  },

  /** Tasks started by asOf with their report settings (the rule picks the missing period of each). */
  tasksStarted(db: Executor, asOf: string) {
    return db
      .selectFrom('task as t')
      .innerJoin('programme as p', 'p.id', 't.programme_id')
      .select([
        't.id',
        't.start_date',
        't.reporting_frequency as task_frequency',
        'p.reporting_frequency as programme_frequency',
        'p.report_due_days',
        'p.period_start',
        'p.period_end',
      ])
      .where('t.start_date', '<=', asOf)
      .execute();
  },

  /** Org units in id order after `after` (keyset batches of recipients for the missing reports). */
  async unitsAfter(db: Executor, after: string | null, limit: number): Promise<string[]> {
    let q = db.selectFrom('org_unit').select('id').orderBy('id').limit(limit);
    if (after) q = q.where('id', '>', after);
    return (await q.execute()).map((r) => r.id);
  },

  /**
   * Open assignments of these units and tasks without a counted report (submitted or accepted, submitted by
   * asOf in Hà Nội time) for the task's missing period, ordered by unit, period and task code (the caller
   * groups them).
   */
  async missingReports(
    db: Executor,
    asOf: string,
    tasks: readonly { taskId: string; period: string; dueOn: string }[],
    unitIds: readonly string[],
  ) {
    if (tasks.length === 0 || unitIds.length === 0) return [];
    const endOfDay = new Date(`${addDays(asOf, 1)}T00:00:00+07:00`);
    const rows = await sql<{
      assignment_id: string;
      unit_id: string;
      unit_name: string;
      period: string;
      due_on: string;
      task_code: string;
      task_title: string;
    }>`
      with v(task_id, period, due_on) as (
        select * from unnest(${sql.val(tasks.map((t) => t.taskId))}::uuid[],
          ${sql.val(tasks.map((t) => t.period))}::text[], ${sql.val(tasks.map((t) => t.dueOn))}::text[])
      )
      select a.id as assignment_id, a.unit_id, u.name as unit_name, v.period, v.due_on,
             t.code as task_code, t.title as task_title
      from assignment a
      join v on v.task_id = a.task_id
      join task t on t.id = a.task_id
      join org_unit u on u.id = a.unit_id
      where a.unit_id = any(${sql.val(unitIds)}::uuid[])
        and (a.completed_on is null or a.completed_on > ${asOf}::date)
        and not exists (
          select 1 from progress_report r
          where r.assignment_id = a.id and r.period = v.period
            and r.status = any(${sql.val([...COUNTED_REPORT_STATUSES])}::text[])
            and r.submitted_at < ${endOfDay})
      order by a.unit_id, v.period, t.code`.execute(db);
    return rows.rows;
  },
};
