/**
 * Who may do what with programmes, tasks, assignments and extensions. Scope comes from org.policy
 * (`canSeeUnit`: the actor's subtree); the rules here add roles and the assigning/assigned relation.
 *
 * Visibility of an assignment: its unit OR its assigning unit lies in the actor's subtree. So a commune
 * sees its own; a province sees its own and its communes'; a ministry sees what was assigned to it and
 * what it assigned, never a province's assignment it did not assign; national staff see everything.
 * A task is visible when its lead unit is in the subtree or one of its assignments is visible.
 */
import type { Role } from '@pilotage/contracts';
import type { Actor } from '../../http/context.ts';
import type { Executor } from '../../db/transaction.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { canSeeUnit, orgRepository, unitsInScope } from '../org/index.ts';

const has = (actor: Actor, ...roles: Role[]) => actor.roles.some((r) => roles.includes(r));

/** Minimal shape of an assignment for policy checks. */
export interface AssignmentRef {
  unit_id: string;
  assigned_by_unit_id: string;
}

/** Creating and changing documents, programmes and tasks, and assigning tasks: admin or steering staff. */
export function assertCanManageProgrammes(actor: Actor): void {
  if (!has(actor, 'admin', 'steering')) throw forbidden();
}

export const assertCanAssign = assertCanManageProgrammes;

/**
 * Directive documents (resolutions, decisions) are national: only admins and steering staff whose scope is
 * the whole country create them (a province admin may not: issue 7 item 15).
 */
export function assertCanManageDocuments(actor: Actor): void {
  if (!has(actor, 'admin', 'steering') || actor.scope.kind !== 'national') throw forbidden();
}

export async function canSeeAssignment(db: Executor, actor: Actor, a: AssignmentRef): Promise<boolean> {
  return (await canSeeUnit(db, actor, a.unit_id)) || (await canSeeUnit(db, actor, a.assigned_by_unit_id));
}

/** 404 (not 403) for an assignment outside the caller's view: its existence is not disclosed. */
export async function assertCanSeeAssignment(
  db: Executor,
  actor: Actor,
  a: AssignmentRef | undefined,
): Promise<void> {
  if (!a || !(await canSeeAssignment(db, actor, a))) throw notFound('assignment_not_found');
}

/** The actor belongs to the assigned unit (may report on it, request extensions, cascade it). */
export function isAssignedUnit(actor: Actor, a: AssignmentRef): boolean {
  return actor.unitId === a.unit_id;
}

/** The actor belongs to the assigning unit (reviews reports, decides extensions). */
export function isAssigningUnit(actor: Actor, a: AssignmentRef): boolean {
  return actor.unitId === a.assigned_by_unit_id;
}

/**
 * Cascading an assignment to units below: the assigned unit's lead or officers, or admin/steering whose
 * scope covers the assigned unit. (The caller must already see the assignment.)
 */
export async function assertCanCascade(db: Executor, actor: Actor, a: AssignmentRef): Promise<void> {
  if (isAssignedUnit(actor, a) && has(actor, 'unit_lead', 'officer', 'steering', 'admin')) return;
  if (has(actor, 'admin', 'steering') && (await canSeeUnit(db, actor, a.unit_id))) return;
  throw forbidden('cascade_not_allowed');
}

/** Requesting a deadline extension: the assigned unit's lead or officers. */
export function assertCanRequestExtension(actor: Actor, a: AssignmentRef): void {
  if (!isAssignedUnit(actor, a) || !has(actor, 'unit_lead', 'officer', 'steering', 'admin'))
    throw forbidden('extension_request_not_allowed');
}

/** Deciding an extension: the ASSIGNING unit only (its lead, steering staff, reviewers or admins). */
export function assertCanDecideExtension(actor: Actor, a: AssignmentRef): void {
  if (!isAssigningUnit(actor, a) || !has(actor, 'unit_lead', 'steering', 'reviewer', 'admin'))
    throw forbidden('extension_decide_not_allowed');
}

/** Changing an assignment's responsible leader: the assigned unit, or the assigning unit, or admin/steering in scope. */
export async function assertCanUpdateAssignment(db: Executor, actor: Actor, a: AssignmentRef): Promise<void> {
  if (
    (isAssignedUnit(actor, a) || isAssigningUnit(actor, a)) &&
    has(actor, 'unit_lead', 'officer', 'steering', 'admin')
  )
    return;
  if (has(actor, 'admin', 'steering') && (await canSeeUnit(db, actor, a.unit_id))) return;
  throw forbidden();
}

/** A unit named in a body must exist and lie in the caller's scope. */
export async function assertUnitInScope(
  db: Executor,
  actor: Actor,
  unitId: string,
  path: string,
): Promise<void> {
  if (!(await canSeeUnit(db, actor, unitId)))
    throw new AppError(403, 'unit_out_of_scope', {}, [{ path, key: 'unit_out_of_scope' }]);
}

/**
 * Every unit named in a body lies in the caller's scope (like the ids in paths): 403 naming each field
 * (`unitIds.3`, `coordinatingUnitIds.0`) otherwise. `pathOf(i)` names the field of `unitIds[i]`.
 */
export async function assertUnitsInScope(
  db: Executor,
  actor: Actor,
  unitIds: readonly string[],
  pathOf: (i: number) => string,
): Promise<void> {
  const inScope = await unitsInScope(db, actor.scope, unitIds);
  const errors = unitIds.flatMap((id, i) =>
    inScope.has(id) ? [] : [{ path: pathOf(i), key: 'unit_out_of_scope' as const }],
  );
  if (errors.length) throw new AppError(403, 'unit_out_of_scope', {}, errors);
}

/**
 * The scope root to filter lists with, or null when the actor sees the whole country (national root),
 * so national lists skip the subtree join.
 */
export async function listScope(db: Executor, actor: Actor): Promise<string | null> {
  const root = await orgRepository.findById(db, actor.scopeRootId);
  return root && root.parent_id === null ? null : actor.scopeRootId;
}
