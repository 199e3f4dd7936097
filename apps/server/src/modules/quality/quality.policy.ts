import type { Actor } from '../../http/context.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import type { Executor } from '../../db/transaction.ts';
import { canSeeUnit } from '../org/index.ts';

/**
 * Who may do what with database quality:
 *  - the register, checks and runs of a database: people of its owner unit (or above it) holding admin,
 *    steering, unit_lead or officer; reading the same: anyone whose scope holds the owner unit;
 *  - the ranking (scores, classes, failing checks without examples): every signed-in user;
 *  - the shared dictionary: read by everyone signed in, published by steering and admin.
 */
const WRITERS = ['admin', 'steering', 'unit_lead', 'officer'] as const;

export function assertCanWrite(actor: Actor): void {
  if (!actor.roles.some((r) => (WRITERS as readonly string[]).includes(r)))
    throw forbidden('quality_write_forbidden');
}

/** The owner unit must lie in the writer's scope (a unit outside it is refused as the field's error). */
export async function assertOwnerInScope(db: Executor, actor: Actor, ownerUnitId: string): Promise<void> {
  if (!(await canSeeUnit(db, actor, ownerUnitId)))
    throw new AppError(403, 'quality_owner_out_of_scope', {}, [
      { path: 'ownerUnitId', key: 'quality_owner_out_of_scope' },
    ]);
}

export function assertCanPublishDictionary(actor: Actor): void {
  if (!actor.roles.includes('admin') && !actor.roles.includes('steering'))
    throw forbidden('quality_dictionary_forbidden');
}
