import type { OrgUnitKind, Role } from '@pilotage/contracts';

/**
 * Where an actor's scope starts. Everyone sees their own unit's subtree; admins and steering staff who sit
 * in a national or central body (the national steering committee, the Government Office) see the whole
 * country, i.e. the national root.
 */
export function scopeRootFor(
  unit: { id: string; kind: OrgUnitKind },
  roles: readonly Role[],
  nationalRootId: string,
): string {
  const national = unit.kind === 'national' || unit.kind === 'central_body';
  if (national && (roles.includes('admin') || roles.includes('steering'))) return nationalRootId;
  return unit.id;
}
