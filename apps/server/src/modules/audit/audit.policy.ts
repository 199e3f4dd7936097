import type { Actor } from '../../http/context.ts';
import { forbidden } from '../../http/errors.ts';

/** Only admins read the audit trail, and only events by actors of their own scope. */
export function assertCanBrowseAudit(actor: Actor): void {
  if (!actor.roles.includes('admin')) throw forbidden();
}
