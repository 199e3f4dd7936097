import type { Role } from '@pilotage/contracts';
import type { Actor } from '../../http/context.ts';
import { AppError, forbidden } from '../../http/errors.ts';

/** Who may list users of their scope. */
export function assertCanListUsers(actor: Actor): void {
  if (!actor.roles.some((r) => r === 'admin' || r === 'unit_lead' || r === 'steering')) throw forbidden();
}

/** Admins manage users and keys in their scope; unit leads manage their own unit's people, without admin powers. */
export function assertCanManageUsers(actor: Actor): void {
  if (!actor.roles.some((r) => r === 'admin' || r === 'unit_lead')) throw forbidden();
}

const ADMIN_ONLY: readonly Role[] = ['admin', 'steering'];

export function assertCanGrant(actor: Actor, roles: readonly Role[]): void {
  if (actor.roles.includes('admin')) return;
  const bad = roles.find((r) => ADMIN_ONLY.includes(r));
  if (bad) throw new AppError(403, 'role_not_grantable', {}, [{ path: 'roles', key: 'role_not_grantable' }]);
}

/** Only admins change a user who holds admin or steering powers (a unit lead may not demote or deactivate them). */
export function assertCanChangeUser(actor: Actor, targetRoles: readonly Role[]): void {
  if (actor.roles.includes('admin')) return;
  if (targetRoles.some((r) => ADMIN_ONLY.includes(r))) throw forbidden();
}
