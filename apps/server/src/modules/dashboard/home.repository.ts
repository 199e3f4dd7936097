/**
 * The home page's counts, in SQL over the stored status (ADR 0010): `assignment.status` and
 * `effective_deadline` along `assignment_unit_status_idx` / `assignment_status_deadline_idx`, reports along
 * `progress_report_assignment_idx`. A unit's own work is found from its unit id; steering views from the
 * caller's Scope (national: the directly assigned work; a subtree: the work its units assigned).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/transaction.ts';
import { seesEverything, unitInScope, type Scope } from '../org/index.ts';
import { COUNTED_REPORT_STATUSES } from '../tasks/index.ts';

const OPEN = sql`('in_progress', 'overdue', 'not_started')`;
/** Reports that count as sent (the tasks core's rule). */
const COUNTED = sql`${sql.val([...COUNTED_REPORT_STATUSES])}::text[]`;
const unitCols = sql`u.id as unit_id, u.code as unit_code, u.name as unit_name, u.kind as unit_kind, u.name_en as unit_name_en`;

export interface UnitCols {
  unit_id: string;
  unit_code: string;
  unit_name: string;
  unit_kind: string;
  unit_name_en: string | null;
}

/** The assignments whose status a steering view counts (alias `a`). */
export function steeredBy(scope: Scope): RawBuilder<boolean> {
  if (seesEverything(scope)) return sql<boolean>`a.parent_assignment_id is null`;
  return unitInScope(scope, 'a.assigned_by_unit_id');
}

const rows = async <T>(db: Executor, query: RawBuilder<T>): Promise<T[]> => (await query.execute(db)).rows;

export const homeRepository = {
  programmes(db: Executor) {
    return db.selectFrom('programme').select(['id', 'report_due_days']).execute();
  },

  unit(db: Executor, id: string) {
    return db
      .selectFrom('org_unit')
      .select(['id', 'code', 'name', 'kind', 'name_en as nameEn'])
      .where('id', '=', id)
      .executeTakeFirst();
  },

  /** The unit's overdue assignments, most days overdue first, with their number. */
  overdueOf(db: Executor, unitId: string, today: string, limit: number) {
    return rows(
      db,
      sql<{
        id: string;
        code: string;
        title: string;
        deadline: string | null;
        period: string | null;
        report_due_days: number;
        total: string;
      }>`
        select a.id, t.code, t.title, a.effective_deadline::text as deadline, a.judged_period as period,
               p.report_due_days, count(*) over () as total
        from assignment a join task t on t.id = a.task_id join programme p on p.id = t.programme_id
        where a.unit_id = ${unitId} and a.status = 'overdue'
        order by a.effective_deadline nulls last, t.code limit ${limit}`,
    );
  },

  /** The unit's open assignments with no report sent for the period `w` gives them (a draft's id if begun). */
  reportsDue(db: Executor, unitId: string, windows: RawBuilder<unknown>, limit: number) {
    return rows(
      db,
      sql<{
        id: string;
        code: string;
        title: string;
        period: string;
        due_on: string;
        draft_id: string | null;
        total: string;
      }>`
        select a.id, t.code, t.title, w.period, w.due_on::text as due_on, d.id as draft_id,
               count(*) over () as total
        from assignment a
        join task t on t.id = a.task_id
        join programme p on p.id = t.programme_id
        join ${windows} on w.programme_id = p.id
          and w.frequency = coalesce(t.reporting_frequency, p.reporting_frequency)
        left join progress_report d on d.assignment_id = a.id and d.period = w.period and d.status = 'draft'
        where a.unit_id = ${unitId} and a.status in ${OPEN}
          and w.period_end >= p.period_start and w.period_start <= p.period_end
          and t.start_date <= w.period_end
          and not exists (select 1 from progress_report r
                          where r.assignment_id = a.id and r.period = w.period and r.status <> 'draft')
        order by w.due_on, t.code limit ${limit}`,
    );
  },

  /** Reports of the unit returned for correction, oldest first. */
  returned(db: Executor, unitId: string, limit: number) {
    return rows(
      db,
      sql<{ id: string; code: string; title: string; report_id: string; period: string; total: string }>`
        select a.id, t.code, t.title, r.id as report_id, r.period, count(*) over () as total
        from assignment a
        join progress_report r on r.assignment_id = a.id and r.status = 'returned'
        join task t on t.id = a.task_id
        where a.unit_id = ${unitId}
        order by r.updated_at, t.code limit ${limit}`,
    );
  },

  /** Reports waiting: submitted to the unit for review, or waiting for its lead's approval. */
  async queue(db: Executor, unitId: string, awaiting: 'review' | 'approval') {
    const where =
      awaiting === 'review'
        ? sql`r.status = 'submitted' and a.assigned_by_unit_id = ${unitId}`
        : sql`r.status = 'pending_approval' and a.unit_id = ${unitId}`;
    const since = awaiting === 'review' ? sql`coalesce(r.submitted_at, r.updated_at)` : sql`r.updated_at`;
    const [row] = await rows(
      db,
      sql<{ count: string; oldest_at: Date | null; oldest_id: string | null }>`
        select count(*) as count, min(${since}) as oldest_at,
               (array_agg(r.id order by ${since}, r.id))[1] as oldest_id
        from progress_report r join assignment a on a.id = r.assignment_id
        where ${where}`,
    );
    return row!;
  },

  /** The unit's commitments not kept yet (some assignment not completed by the due date). */
  openCommitments(db: Executor, unitId: string, limit: number) {
    return rows(
      db,
      sql<{ id: string; outcome: string; due_on: string; open_items: string; total: string }>`
        select c.id, c.outcome, c.due_on::text as due_on, count(*) as open_items, count(*) over () as total
        from commitment c
        join commitment_item ci on ci.commitment_id = c.id
        join assignment a on a.id = ci.assignment_id
        where c.unit_id = ${unitId} and (a.completed_on is null or a.completed_on > c.due_on)
        group by c.id
        order by c.due_on, c.id limit ${limit}`,
    );
  },

  brokenCommitments(db: Executor, unitId: string, today: string) {
    return rows(
      db,
      sql<{ n: string }>`
        select count(distinct c.id) as n from commitment c
        join commitment_item ci on ci.commitment_id = c.id
        join assignment a on a.id = ci.assignment_id
        where c.unit_id = ${unitId} and c.due_on < ${today}::date
          and (a.completed_on is null or a.completed_on > c.due_on)`,
    );
  },

  /** Overdue work by unit, most overdue first, with the total and the leaders named. */
  overdueByUnit(db: Executor, scope: Scope, today: string, limit: number) {
    return rows(
      db,
      sql<UnitCols & { overdue: string; max_days: number; leaders: string[] | null; total: string }>`
        with g as (
          select a.unit_id, count(*) as overdue, max(${today}::date - a.effective_deadline) as max_days,
                 (array_agg(distinct a.responsible_leader)
                    filter (where a.responsible_leader is not null))[1:3] as leaders
          from assignment a
          where a.status = 'overdue' and ${steeredBy(scope)}
          group by a.unit_id)
        select ${unitCols}, g.overdue, g.max_days, g.leaders, sum(g.overdue) over () as total
        from g join org_unit u on u.id = g.unit_id
        order by g.overdue desc, g.max_days desc, u.sort_order limit ${limit}`,
    );
  },

  /** Overdue past the programme's escalation delay: the steering unit must act. */
  escalations(db: Executor, scope: Scope, today: string, limit: number) {
    return rows(
      db,
      sql<
        UnitCols & {
          id: string;
          code: string;
          title: string;
          leader: string | null;
          days: number;
          total: string;
        }
      >`
        select a.id, t.code, t.title, ${unitCols}, a.responsible_leader as leader,
               (${today}::date - a.effective_deadline) as days, count(*) over () as total
        from assignment a
        join task t on t.id = a.task_id
        join programme p on p.id = t.programme_id
        join org_unit u on u.id = a.unit_id
        where a.status = 'overdue' and ${steeredBy(scope)}
          and (${today}::date - a.effective_deadline) >= p.escalation_days
        order by a.effective_deadline, t.code limit ${limit}`,
    );
  },

  /** Units whose report for the latest period already due was not sent (submitted or accepted). */
  missingReports(db: Executor, scope: Scope, windows: RawBuilder<unknown>, limit: number) {
    return rows(
      db,
      sql<UnitCols & { missing: string; period: string; due_on: string; units: string; assignments: string }>`
        with m as (
          select a.unit_id, w.period, w.due_on, count(*) as missing
          from assignment a
          join task t on t.id = a.task_id
          join programme p on p.id = t.programme_id
          join ${windows} on w.programme_id = p.id
            and w.frequency = coalesce(t.reporting_frequency, p.reporting_frequency)
          where ${steeredBy(scope)}
            and w.period_end >= p.period_start and w.period_start <= p.period_end
            and t.start_date <= w.period_end
            and (a.completed_on is null or a.completed_on >= w.period_start)
            and not exists (select 1 from progress_report r where r.assignment_id = a.id
                            and r.period = w.period and r.status = any(${COUNTED}))
          group by a.unit_id, w.period, w.due_on)
        select ${unitCols}, m.missing, m.period, m.due_on::text as due_on,
               (select count(distinct unit_id) from m) as units, (select sum(missing) from m) as assignments
        from m join org_unit u on u.id = m.unit_id
        order by m.missing desc, u.sort_order limit ${limit}`,
    );
  },
};
