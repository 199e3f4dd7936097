/**
 * Who may manage whom: the role rules of identity, in one pure file (table test: roles.policy.test.ts).
 *
 * - Admins manage people and keys of their scope (the scope itself is checked by the caller, in SQL).
 * - A unit lead manages the people and keys of their OWN unit only (not of the units below it).
 * - Granting a role needs the right to hold it: admins grant any role; a lead grants the roles they hold
 *   themselves (never admin or steering) plus the working roles below a lead (officer, handler, viewer…).
 * - Nobody changes their own roles or deactivates themselves.
 * - Nobody but an admin changes a person or revokes a key that holds a role they could not grant (a lead
 *   may revoke an officer key of their unit, whoever made it: revoking only takes access away).
 */
import type { Role } from '@pilotage/contracts';

const ADMIN_ONLY: readonly Role[] = ['admin', 'steering'];
/** Working roles a lead may give in their own unit without holding them. */
const BELOW_LEAD: readonly Role[] = ['officer', 'handler', 'expert', 'viewer'];

export interface Principal {
  id: string | null;
  unitId: string;
  roles: readonly Role[];
}

export const isAdmin = (p: { roles: readonly Role[] }) => p.roles.includes('admin');
export const isLead = (p: { roles: readonly Role[] }) => p.roles.includes('unit_lead');

/** The roles `p` may grant to others. */
export function grantableRoles(p: { roles: readonly Role[] }): Set<Role> {
  if (isAdmin(p))
    return new Set<Role>([
      'admin',
      'steering',
      'unit_lead',
      'officer',
      'reviewer',
      'handler',
      'expert',
      'viewer',
    ]);
  if (!isLead(p)) return new Set();
  return new Set<Role>([...BELOW_LEAD, ...p.roles.filter((r) => !ADMIN_ONLY.includes(r))]);
}

export const canGrant = (p: { roles: readonly Role[] }, roles: readonly Role[]) => {
  const ok = grantableRoles(p);
  return roles.every((r) => ok.has(r));
};

/** May manage users or keys at all (lists, create). */
export const canManagePeople = (p: Principal) => isAdmin(p) || isLead(p);

/** May `actor` manage people of `unitId` (scope aside: the caller checks the admin's scope in SQL)? */
export const canManageUnit = (actor: Principal, unitId: string) =>
  isAdmin(actor) || (isLead(actor) && actor.unitId === unitId);

export type Denial = 'forbidden' | 'role_not_grantable' | 'own_roles' | 'unit_not_managed';

/** Creating a user (or a key acting as a unit) with `roles` in `unitId`. */
export function checkCreate(actor: Principal, unitId: string, roles: readonly Role[]): Denial | null {
  if (!canManagePeople(actor)) return 'forbidden';
  if (!canManageUnit(actor, unitId)) return 'unit_not_managed';
  if (!canGrant(actor, roles)) return 'role_not_grantable';
  return null;
}

/** Changing `target` (its roles to `newRoles` when given, or its active flag when `deactivates`). */
export function checkUpdate(
  actor: Principal,
  target: Principal,
  change: { newRoles?: readonly Role[] | undefined; deactivates?: boolean },
): Denial | null {
  if (!canManagePeople(actor)) return 'forbidden';
  const self = actor.id !== null && actor.id === target.id;
  if (self && (change.newRoles || change.deactivates)) return 'own_roles';
  if (!canManageUnit(actor, target.unitId)) return 'unit_not_managed';
  if (!canGrant(actor, target.roles)) return 'forbidden'; // holds more than the actor may give
  if (change.newRoles && !canGrant(actor, change.newRoles)) return 'role_not_grantable';
  return null;
}

/** Resetting `target`'s password: admins of the scope only, never one's own (use change-password). */
export function checkPasswordReset(actor: Principal, target: Principal): Denial | null {
  if (!isAdmin(actor)) return 'forbidden';
  if (actor.id !== null && actor.id === target.id) return 'own_roles';
  if (!canGrant(actor, target.roles)) return 'forbidden';
  return null;
}

/** Revoking a key of `unitId` with `roles`. */
export function checkRevokeKey(
  actor: Principal,
  key: { unitId: string; roles: readonly Role[] },
): Denial | null {
  if (!canManagePeople(actor)) return 'forbidden';
  if (!canManageUnit(actor, key.unitId)) return 'unit_not_managed';
  if (!canGrant(actor, key.roles)) return 'forbidden';
  return null;
}

/** A key keeps working only while its maker could still grant it: active, same rights, same unit reach. */
export function keyStillGranted(
  creator: (Principal & { active: boolean }) | null,
  key: { unitId: string; roles: readonly Role[] },
  creatorReachesUnit: boolean,
): boolean {
  if (!creator) return true; // made by the platform (CLI), not by a person
  if (!creator.active || !canGrant(creator, key.roles)) return false;
  return isAdmin(creator) ? creatorReachesUnit : creator.unitId === key.unitId;
}
