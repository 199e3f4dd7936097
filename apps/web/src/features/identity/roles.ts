import { ROLES, type Role } from '@pilotage/contracts';

/** Roles only an admin may grant (mirrors the server's identity policy). */
const ADMIN_ONLY: readonly Role[] = ['admin', 'steering'];

/** The roles a user may hand out in the user and API key forms. */
export function grantableRoles(myRoles: readonly Role[]): Role[] {
  return myRoles.includes('admin') ? [...ROLES] : ROLES.filter((r) => !ADMIN_ONLY.includes(r));
}
