import type { Actor } from '../../http/context.ts';
import type { Executor } from '../../db/transaction.ts';
import { isUnitInScope } from './scope.ts';

/**
 * The scope rule of the whole platform: an actor sees the org subtree of `actor.scope` — their own
 * unit, or the national root for admins and steering staff of national and central bodies (see
 * identity.scope.ts). Every module asks this function, never the closure table directly.
 */
export function canSeeUnit(db: Executor, actor: Actor, unitId: string): Promise<boolean> {
  return isUnitInScope(db, actor.scope, unitId);
}
