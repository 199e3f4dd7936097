import type { Actor } from '../../http/context.ts';
import { forbidden } from '../../http/errors.ts';

/** Targets, formula weights and published league tables are steering staff's and administrators' work. */
export function assertScorecardStaff(actor: Actor): void {
  if (!actor.roles.includes('steering') && !actor.roles.includes('admin'))
    throw forbidden('scorecard_staff_only');
}

/** Pins belong to a person: API keys have none. */
export function assertPerson(actor: Actor): string {
  if (!actor.userId) throw forbidden();
  return actor.userId;
}
