import type { Actor } from '../../http/context.ts';
import { forbidden } from '../../http/errors.ts';

/** A commitment is signed by a person (not an API key) holding unit_lead, for their own unit only. */
export function assertCanSign(actor: Actor, unitId: string): void {
  if (!actor.userId || !actor.roles.includes('unit_lead')) throw forbidden('commitment_lead_only');
  if (actor.unitId !== unitId) throw forbidden('commitment_own_unit_only');
}
