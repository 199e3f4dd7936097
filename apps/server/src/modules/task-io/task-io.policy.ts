import type { Actor } from '../../http/context.ts';
import type { Executor } from '../../db/transaction.ts';
import { forbidden } from '../../http/errors.ts';
import { canSeeUnit } from '../org/index.ts';
import { assertCanManageProgrammes } from '../tasks/index.ts';

/**
 * Importing into a programme: admin or steering staff (the tasks core's rule for creating tasks and
 * assigning them) whose scope covers the programme's owner unit. Every unit a row names must also lie in
 * the scope (checked per row by the validator, reported as row errors).
 * Exports and reviews need no extra rule: they show only what the caller may see (tasks core's scope).
 */
export async function assertCanImport(
  db: Executor,
  actor: Actor,
  programme: { owner_unit_id: string },
): Promise<void> {
  assertCanManageProgrammes(actor);
  if (!(await canSeeUnit(db, actor, programme.owner_unit_id))) throw forbidden('unit_out_of_scope');
}
