import type { Actor } from '../../http/context.ts';
import type { Executor } from '../../db/transaction.ts';
import { orgRepository } from './org.repository.ts';

/**
 * The scope rule of the whole platform: an actor sees the org subtree rooted at `scopeRootId` — their own
 * unit, or the national root for admins and steering staff of national and central bodies (see
 * identity.scope.ts). Every module asks this function, never the closure table directly.
 */
export function canSeeUnit(db: Executor, actor: Actor, unitId: string): Promise<boolean> {
  return orgRepository.isInSubtree(db, actor.scopeRootId, unitId);
}
