/**
 * SQL for the assignments that carry task statuses ("carriers") and their aggregates over stored status.
 *
 * Carriers: for national staff and a task's lead unit (tasks in `ledTaskIds`), every root assignment
 * (assigned directly); for anyone else, the top-most assignments the scope can see (a province: its own).
 */
import { sql, type RawBuilder } from 'kysely';
import type { TaskStatus } from '@pilotage/contracts';
import type { Executor } from '../../db/transaction.ts';
import { ancestorsOfScope, seesEverything, unitInScope, type Scope } from '../org/index.ts';
import type { RollUpAggregate } from './status-engine.ts';
import { anyUuid, assignmentRowVisible } from './scope.ts';

/**
 * SQL predicate on `a`: the assignment carries a task status for the scope. For a subtree scope S the
 * carriers of the tasks not led in S are the top-most visible assignments. Cascades go strictly downward
 * and a cascaded assignment's assigning unit is its parent's unit, so they are, index by index:
 * - roots (assigned directly) to a unit in S, or by a unit in S to a unit outside it;
 * - cascaded assignments to a unit in S from a unit ABOVE S (a unit in S would make the parent visible),
 *   whose parent is not visible — looked up along (assigned_by_unit_id, unit_id).
 */
function carrierCondition(scope: Scope, taskIds: string[], ledTaskIds: string[]): RawBuilder<boolean> {
  if (seesEverything(scope) || scope.kind === 'public')
    return sql<boolean>`(${scope.kind === 'public' ? sql`false` : sql`true`} and a.task_id = ${anyUuid(taskIds)} and a.parent_assignment_id is null)`;
  const notLed = sql<boolean>`c.task_id = ${anyUuid(taskIds)} and not (c.task_id = ${anyUuid(ledTaskIds)})`;
  const inS = (column: string) => unitInScope(scope, column);
  return sql<boolean>`a.id in (
    select c.id from assignment c where ${notLed} and c.parent_assignment_id is null
      and (${inS('c.unit_id')} or ${inS('c.assigned_by_unit_id')})
    union all
    select c.id from assignment c where ${notLed} and c.parent_assignment_id is not null
      and c.assigned_by_unit_id in ${ancestorsOfScope(scope)} and ${inS('c.unit_id')}
      and not exists (select 1 from assignment pa where pa.id = c.parent_assignment_id and ${assignmentRowVisible(scope, 'pa')})
    union all
    select c.id from assignment c where c.task_id = ${anyUuid(ledTaskIds)} and c.parent_assignment_id is null)`;
}

export interface AggregateRow extends RollUpAggregate {
  key: string;
}

const STATUSES: TaskStatus[] = ['done_on_time', 'done_late', 'in_progress', 'overdue', 'not_started'];

export const carriersRepository = {
  /** The carriers (ids, task, unit) of these tasks for the scope. */
  async list(db: Executor, scope: Scope, taskIds: string[], ledTaskIds: string[]) {
    if (taskIds.length === 0) return [];
    return db
      .selectFrom('assignment as a')
      .select(['a.id', 'a.task_id', 'a.unit_id'])
      .where(carrierCondition(scope, taskIds, ledTaskIds))
      .execute();
  },

  /** Stored-status aggregates of the carriers, grouped by task or by unit. */
  async aggregate(
    db: Executor,
    scope: Scope,
    taskIds: string[],
    ledTaskIds: string[],
    by: 'task' | 'unit',
  ): Promise<AggregateRow[]> {
    if (taskIds.length === 0) return [];
    const key = by === 'task' ? sql.ref('a.task_id') : sql.ref('a.unit_id');
    const rows = await db
      .selectFrom('assignment as a')
      .select(sql<string>`${key}`.as('key'))
      .select(STATUSES.map((s) => sql<string>`count(*) filter (where a.status = ${s})`.as(s)))
      .select([
        sql<string>`count(*) filter (where a.at_risk)`.as('at_risk'),
        sql<string>`coalesce(sum(a.status_progress), 0)`.as('progress_sum'),
        sql<string | null>`max(a.effective_deadline)::text`.as('max_deadline'),
        sql<string | null>`max(a.judged_period)`.as('max_judged'),
        sql<string>`count(*) filter (where a.deadline_used = 'extended')`.as('extended'),
        sql<string>`count(*) filter (where a.deadline_used = 'original')`.as('original'),
      ])
      .where(carrierCondition(scope, taskIds, ledTaskIds))
      .groupBy(key)
      .execute();
    return rows.map((r) => {
      const row = r as unknown as Record<string, string | null>;
      return {
        key: r.key,
        counts: {
          done_on_time: Number(row.done_on_time),
          done_late: Number(row.done_late),
          in_progress: Number(row.in_progress),
          overdue: Number(row.overdue),
          not_started: Number(row.not_started),
        },
        atRisk: Number(r.at_risk),
        progressSum: Number(r.progress_sum),
        maxDeadline: r.max_deadline,
        maxJudgedPeriod: r.max_judged,
        extended: Number(r.extended),
        original: Number(r.original),
      };
    });
  },
};
