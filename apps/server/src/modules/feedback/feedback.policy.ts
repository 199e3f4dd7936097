import type { FeedbackAction, FeedbackStatus, Role } from '@pilotage/contracts';
import type { Actor } from '../../http/context.ts';
import { allowedIn, nextStatus, type StayingAction, type StatusEvent } from './feedback-status.ts';

/** Who handles feedback: handlers and officers of the responsible unit, its leads, the steering office. */
const HANDLER_ROLES: readonly Role[] = ['handler', 'officer', 'unit_lead', 'steering', 'admin'];
const LEAD_ROLES: readonly Role[] = ['unit_lead', 'admin'];

export const canHandle = (actor: Actor) => actor.roles.some((r) => HANDLER_ROLES.includes(r));
export const isLead = (actor: Actor) => actor.roles.some((r) => LEAD_ROLES.includes(r));
/** Managing routing rules, deadlines and the calendar: admins and the steering office. */
export const canAdminister = (actor: Actor) => actor.roles.some((r) => r === 'admin' || r === 'steering');
export const canEditCalendar = (actor: Actor) => actor.roles.includes('admin');

/** Personal data (masked) only for handlers sitting in the responsible unit itself. */
export const seesContact = (actor: Actor, unitId: string) => canHandle(actor) && actor.unitId === unitId;

export interface Visibility {
  /** The item is routed to a unit in the caller's scope. */
  routed: boolean;
  /** A unit in the caller's scope was asked to contribute. */
  contributing: boolean;
}

const STATUS_ACTIONS: Partial<Record<FeedbackAction, StatusEvent>> = {
  accept: 'accept',
  start: 'start',
  request_info: 'request_info',
  reject: 'reject',
  merge: 'merge',
  approve_answer: 'approve_answer',
  close: 'close',
};

/**
 * Whether the caller may take `action` on an item in `status` (null: allowed; else the refusal's status).
 * 404 is decided before (the item is not visible at all).
 */
export function refusal(
  actor: Actor,
  action: FeedbackAction,
  status: FeedbackStatus,
  v: Visibility,
): 403 | 409 | null {
  if (!canHandle(actor)) return 403;
  if (!v.routed && !(v.contributing && (action === 'contribute' || action === 'note'))) return 403;
  if ((action === 'approve_answer' || action === 'return_answer') && !isLead(actor)) return 403;
  const event = STATUS_ACTIONS[action];
  if (event) return nextStatus(status, event) ? null : 409;
  return allowedIn(action as StayingAction, status) ? null : 409;
}

const ALL: FeedbackAction[] = [
  'accept',
  'start',
  'transfer',
  'add_contributor',
  'contribute',
  'request_info',
  'reject',
  'merge',
  'note',
  'save_answer',
  'submit_answer',
  'approve_answer',
  'return_answer',
  'close',
];

/** The actions the web offers (answer actions also depend on the answer's state). */
export function allowedActions(
  actor: Actor,
  status: FeedbackStatus,
  v: Visibility,
  answer: 'none' | 'draft' | 'pending_approval' | 'returned',
): FeedbackAction[] {
  return ALL.filter((a) => {
    if (refusal(actor, a, status, v) !== null) return false;
    if (a === 'contribute') return v.contributing;
    if (a === 'submit_answer') return answer === 'draft' || answer === 'returned';
    if (a === 'approve_answer' || a === 'return_answer') return answer === 'pending_approval';
    return true;
  });
}
