import type { ReportAction, ReportStatus, Role } from '@pilotage/contracts';
import type { Actor } from '../../http/context.ts';

/**
 * Who may do what with a progress report (pure rules; the service checks visibility with org.policy).
 * - The ASSIGNED unit writes: officers, unit leads and admins of that very unit.
 * - Its unit_lead approves (ministries and provinces only need approval).
 * - The ASSIGNING unit reviews: its reviewers, steering staff and admins. Nobody else, not even a
 *   unit higher up: a ministry cannot review a province's report it did not assign.
 */
export interface ReportParties {
  unitId: string;
  unitKind: string;
  assignedByUnitId: string;
}

const WRITERS: readonly Role[] = ['officer', 'unit_lead', 'admin'];
const REVIEWERS: readonly Role[] = ['reviewer', 'steering', 'admin'];
const hasAny = (actor: Actor, roles: readonly Role[]) => actor.roles.some((r) => roles.includes(r));

/** Ministries and provinces have their reports approved by a unit lead before submission. */
export const requiresApproval = (unitKind: string) => unitKind === 'ministry' || unitKind === 'province';

export const isMember = (actor: Actor, p: ReportParties) => actor.unitId === p.unitId;
export const canWrite = (actor: Actor, p: ReportParties) => isMember(actor, p) && hasAny(actor, WRITERS);
export const canApprove = (actor: Actor, p: ReportParties) =>
  isMember(actor, p) && actor.roles.includes('unit_lead');
export const canReview = (actor: Actor, p: ReportParties) =>
  actor.unitId === p.assignedByUnitId && hasAny(actor, REVIEWERS);
/** Reviewers of the assigning unit, whatever the roles (for read access to its assignments' reports). */
export const isAssigner = (actor: Actor, p: ReportParties) => actor.unitId === p.assignedByUnitId;

/** Drafts and reports waiting for the lead's approval are the unit's own business. */
export const isInternal = (status: ReportStatus) => status === 'draft' || status === 'pending_approval';

export const EDITABLE: ReadonlySet<ReportStatus> = new Set<ReportStatus>(['draft', 'returned']);
/** Sent but not yet reviewed: the unit may still take it back (to draft). */
export const WITHDRAWABLE: ReadonlySet<ReportStatus> = new Set<ReportStatus>([
  'pending_approval',
  'submitted',
]);

export function allowedActions(actor: Actor, p: ReportParties, status: ReportStatus): ReportAction[] {
  const out: ReportAction[] = [];
  if (EDITABLE.has(status) && canWrite(actor, p)) out.push('edit', 'submit', 'upload', 'delete_evidence');
  if (status === 'pending_approval' && canApprove(actor, p)) out.push('approve', 'return');
  if (status === 'submitted' && canReview(actor, p)) out.push('accept', 'return');
  if (WITHDRAWABLE.has(status) && canWrite(actor, p)) out.push('withdraw');
  return out;
}
