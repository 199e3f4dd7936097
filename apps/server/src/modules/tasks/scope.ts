import { sql, type RawBuilder } from 'kysely';
import { subtreeOf } from '../org/index.ts';

/**
 * SQL fragments for the visibility rule (see tasks.policy.ts). `root` null = national scope (no filter).
 * Written against the aliases `a` (assignment) and `t` (task) used by the repositories.
 */
const subtree = subtreeOf;

export function assignmentVisible(root: string | null, alias = 'a'): RawBuilder<boolean> {
  if (root === null) return sql<boolean>`true`;
  const a = sql.ref(alias);
  return sql<boolean>`(${a}.unit_id in ${subtree(root)} or ${a}.assigned_by_unit_id in ${subtree(root)})`;
}

export function taskVisible(root: string | null): RawBuilder<boolean> {
  if (root === null) return sql<boolean>`true`;
  return sql<boolean>`(t.lead_unit_id in ${subtree(root)} or exists (select 1 from assignment va where va.task_id = t.id and ${assignmentVisible(root, 'va')}))`;
}

/** The task's lead unit lies in the scope (the lead sees all of the task's assignments' statuses). */
export function taskLedInScope(root: string | null): RawBuilder<boolean> {
  if (root === null) return sql<boolean>`true`;
  return sql<boolean>`(t.lead_unit_id in ${subtree(root)})`;
}

/**
 * `= any($1::uuid[])`: one bind parameter for a list of ids. Long `in ($1, …, $n)` lists are slow to bind
 * on PGlite (≈6× slower for a few hundred ids) and hit PostgreSQL's 65,535-parameter limit.
 */
export function anyUuid(ids: readonly string[]): RawBuilder<string> {
  return sql<string>`any(${sql.val([...ids])}::uuid[])`;
}
