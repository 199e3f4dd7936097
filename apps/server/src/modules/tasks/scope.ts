import { sql, type RawBuilder } from 'kysely';
import { scopeUnitsTable, seesEverything, unitInScope, type Scope } from '../org/index.ts';

/**
 * SQL fragments for the task visibility rule (see tasks.policy.ts), built on the scope value of
 * org/scope.ts. Written against the aliases `a` (assignment) and `t` (task) used by the repositories.
 */
/**
 * The ids of the assignments a subtree scope sees (assigned to a unit in it, or by a unit in it), as a
 * sub-select driven from the scope's units (two index walks), for filtering many rows.
 */
export function visibleAssignmentIds(scope: Scope & { kind: 'subtree' }): RawBuilder<string> {
  const units = scopeUnitsTable(scope);
  return sql<string>`(
    select v.id from ${units} s join assignment v on v.unit_id = s.unit_id
    union
    select v.id from ${units} s join assignment v on v.assigned_by_unit_id = s.unit_id)`;
}

/** Visible assignments among many rows (`alias`): a semi-join on the scope's visible ids. */
export function assignmentVisible(scope: Scope, alias = 'a'): RawBuilder<boolean> {
  if (seesEverything(scope)) return sql<boolean>`true`;
  if (scope.kind === 'public') return sql<boolean>`false`;
  return sql<boolean>`(${sql.ref(`${alias}.id`)} in ${visibleAssignmentIds(scope)})`;
}

/** One assignment row's visibility (a probe on a single row, e.g. a parent): its unit or assigning unit. */
export function assignmentRowVisible(scope: Scope, alias: string): RawBuilder<boolean> {
  if (seesEverything(scope)) return sql<boolean>`true`;
  return sql<boolean>`(${unitInScope(scope, `${alias}.unit_id`)} or ${unitInScope(scope, `${alias}.assigned_by_unit_id`)})`;
}

export function taskVisible(scope: Scope): RawBuilder<boolean> {
  if (seesEverything(scope)) return sql<boolean>`true`;
  return sql<boolean>`(${unitInScope(scope, 't.lead_unit_id')} or exists (select 1 from assignment va where va.task_id = t.id and ${assignmentRowVisible(scope, 'va')}))`;
}

/** The task's lead unit lies in the scope (the lead sees all of the task's assignments' statuses). */
export function taskLedInScope(scope: Scope): RawBuilder<boolean> {
  return unitInScope(scope, 't.lead_unit_id');
}

/**
 * `= any($1::uuid[])`: one bind parameter for a list of ids. Long `in ($1, …, $n)` lists are slow to bind
 * on PGlite (≈6× slower for a few hundred ids) and hit PostgreSQL's 65,535-parameter limit.
 */
export function anyUuid(ids: readonly string[]): RawBuilder<string> {
  return sql<string>`any(${sql.val([...ids])}::uuid[])`;
}
