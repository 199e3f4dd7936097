import type { Actor } from '../../http/context.ts';
import { forbidden } from '../../http/errors.ts';

/** Who may list users of their scope. Who may manage whom: roles.policy.ts. */
export function assertCanListUsers(actor: Actor): void {
  if (!actor.roles.some((r) => r === 'admin' || r === 'unit_lead' || r === 'steering')) throw forbidden();
}
