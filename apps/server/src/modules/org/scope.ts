/**
 * The scope value: what a caller may see, computed once per request (auth hook → Actor.scope) and passed
 * to every repository that reads unit-owned rows. This file is the ONE place that turns a scope into SQL;
 * no other module reads `org_unit_closure` (lint-enforced).
 *
 * - national: the whole organisation (admins and steering staff of national and central bodies)
 * - subtree:  the org subtree under `rootId` (everyone else: their own unit and what lies below it)
 * - public:   anonymous callers: no unit-owned rows, only what a module publishes
 * - system:   jobs, CLIs and the demo loader acting for the platform (explicit, never a `null`)
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/transaction.ts';

export type Scope =
  | { readonly kind: 'national'; readonly rootId: string }
  | { readonly kind: 'subtree'; readonly rootId: string }
  | { readonly kind: 'public' }
  | { readonly kind: 'system' };

export const SYSTEM_SCOPE: Scope = Object.freeze({ kind: 'system' });
export const PUBLIC_SCOPE: Scope = Object.freeze({ kind: 'public' });

/** The scope that starts at `rootId`: national when it is the national root. */
export function scopeAt(rootId: string, nationalRootId: string): Scope {
  return rootId === nationalRootId ? { kind: 'national', rootId } : { kind: 'subtree', rootId };
}

/** True when the scope sees every unit (no filter needed). */
export function seesEverything(
  scope: Scope,
): scope is Extract<Scope, { kind: 'national' } | { kind: 'system' }> {
  return scope.kind === 'national' || scope.kind === 'system';
}

/** The unit ids of the subtree under `rootId`, as a SQL sub-select. */
export function subtreeOf(rootId: string): RawBuilder<string> {
  return sql<string>`(select descendant_id from org_unit_closure where ancestor_id = ${rootId})`;
}

/**
 * SQL predicate: the unit in `column` (a qualified column name such as `a.unit_id`) lies in the scope.
 * National and system scopes: `true`; public: `false`.
 */
export function unitInScope(scope: Scope, column: string): RawBuilder<boolean> {
  switch (scope.kind) {
    case 'national':
    case 'system':
      return sql<boolean>`true`;
    case 'public':
      return sql<boolean>`false`;
    case 'subtree':
      return sql<boolean>`(${sql.ref(column)} in ${subtreeOf(scope.rootId)})`;
  }
}

/** SQL predicate: the unit in `column` lies in the subtree under `rootId` (a unit filter, not a scope). */
export function unitUnder(rootId: string, column: string): RawBuilder<boolean> {
  return sql<boolean>`(${sql.ref(column)} in ${subtreeOf(rootId)})`;
}

/**
 * The scope's units as a derived table with one column `unit_id`, to JOIN from (PostgreSQL then walks
 * the closure index and probes the joined table's unit index, instead of filtering every row).
 * Only for subtree scopes: national and system scopes need no filter, public sees no unit.
 */
export function scopeUnitsTable(scope: Scope & { kind: 'subtree' }): RawBuilder<{ unit_id: string }> {
  return sql`(select descendant_id as unit_id from org_unit_closure where ancestor_id = ${scope.rootId})`;
}

/** The strict ancestors of a subtree scope's root (the units above it), as a sub-select. */
export function ancestorsOfScope(scope: Scope & { kind: 'subtree' }): RawBuilder<string> {
  return sql<string>`(select ancestor_id from org_unit_closure where descendant_id = ${scope.rootId} and depth > 0)`;
}

/** Which of `unitIds` lie strictly below `ancestorId` (a structural question, not a scope). */
export async function unitsBelow(
  db: Executor,
  ancestorId: string,
  unitIds: readonly string[],
): Promise<Set<string>> {
  const ids = [...new Set(unitIds)];
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('org_unit_closure')
    .select('descendant_id')
    .where('ancestor_id', '=', ancestorId)
    .where('depth', '>', 0)
    .where('descendant_id', '=', sql<string>`any(${sql.val(ids)}::uuid[])`)
    .execute();
  return new Set(rows.map((r) => r.descendant_id));
}

/** Whether one unit lies in the scope. */
export async function isUnitInScope(db: Executor, scope: Scope, unitId: string): Promise<boolean> {
  if (scope.kind === 'national' || scope.kind === 'system') return true;
  if (scope.kind === 'public') return false;
  const row = await db
    .selectFrom('org_unit_closure')
    .select('descendant_id')
    .where('ancestor_id', '=', scope.rootId)
    .where('descendant_id', '=', unitId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The unit ids among `unitIds` that lie in the scope. */
export async function unitsInScope(
  db: Executor,
  scope: Scope,
  unitIds: readonly string[],
): Promise<Set<string>> {
  const ids = [...new Set(unitIds)];
  if (ids.length === 0 || scope.kind === 'public') return new Set();
  if (scope.kind === 'national' || scope.kind === 'system') return new Set(ids);
  const rows = await db
    .selectFrom('org_unit_closure')
    .select('descendant_id')
    .where('ancestor_id', '=', scope.rootId)
    .where('descendant_id', '=', sql<string>`any(${sql.val(ids)}::uuid[])`)
    .execute();
  return new Set(rows.map((r) => r.descendant_id));
}

/**
 * Every unit under each of `rootIds` (the root itself included), as a derived table (root_id, unit_id): a
 * structural grouping for scorecards (a province's figures over its subtree), not a scope.
 */
export function unitsUnderEach(rootIds: readonly string[]): RawBuilder<{ root_id: string; unit_id: string }> {
  return sql`(select ancestor_id as root_id, descendant_id as unit_id from org_unit_closure where ancestor_id = any(${sql.val([...rootIds])}::uuid[]))`;
}
