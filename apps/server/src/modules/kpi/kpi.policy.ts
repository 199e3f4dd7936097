/**
 * Who may define KPIs and who may write values (pure, table test kpi.policy.test.ts).
 *
 * - Data elements, indicators, data sets and validation rules are national metadata: admins and steering
 *   staff whose scope is the whole country define them.
 * - A unit writes its own values (officers, leads, admins, steering staff of the unit); values of the units
 *   below it only where its role allows: leads, admins and steering staff (a province lead corrects a
 *   commune's figure); officers, reviewers and viewers never write for another unit. Scope (the unit lies in
 *   the actor's subtree) is checked by the caller in SQL.
 */
import type { Role } from '@pilotage/contracts';

type Who = { roles: readonly Role[]; unitId: string; scope: { kind: string } };

const OWN: readonly Role[] = ['officer', 'unit_lead', 'admin', 'steering'];
const BELOW: readonly Role[] = ['unit_lead', 'admin', 'steering'];

export const canDefineKpis = (a: Who) =>
  (a.scope.kind === 'national' || a.scope.kind === 'system') &&
  a.roles.some((r) => r === 'admin' || r === 'steering');

/** May write values at all (before looking at units). */
export const canWriteValues = (a: Who) => a.roles.some((r) => OWN.includes(r));

/** May write the values of `unitId`, a unit in the actor's scope (its own unit or one below it). */
export const canWriteUnit = (a: Who, unitId: string) =>
  unitId === a.unitId ? a.roles.some((r) => OWN.includes(r)) : a.roles.some((r) => BELOW.includes(r));
