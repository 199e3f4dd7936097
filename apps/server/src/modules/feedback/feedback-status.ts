/**
 * THE workflow of a feedback item (pure, no I/O). Every status change goes through `nextStatus`; an action
 * that is not in the table is refused (409). Actions that keep the status (transfer, notes, drafting an
 * answer…) are allowed only in the statuses `ACTIONS_IN` lists.
 *
 *   received ─accept→ accepted ─start→ processing ─approve_answer→ answered ─close→ closed
 *        │                 │  request_info ↓ ↑ reply       │                   │
 *        │                 └──────→ info_requested ←───────┘          reopen (≤ N days) → processing
 *        └─ reject (duplicate | out_of_scope | insufficient_information) → rejected      (from any open status)
 *        └─ merge (into a survivor; its followers follow the survivor) → merged          (from any open status)
 */
import type { FeedbackStatus } from '@pilotage/contracts';

export const STATUS_EVENTS = [
  'accept',
  'start',
  'request_info',
  'reply',
  'approve_answer',
  'close',
  'reopen',
  'reject',
  'merge',
] as const;
export type StatusEvent = (typeof STATUS_EVENTS)[number];

const OPEN: readonly FeedbackStatus[] = ['received', 'accepted', 'processing', 'info_requested'];

const TRANSITIONS: Record<StatusEvent, { from: readonly FeedbackStatus[]; to: FeedbackStatus }> = {
  accept: { from: ['received'], to: 'accepted' },
  start: { from: ['accepted'], to: 'processing' },
  request_info: { from: ['accepted', 'processing'], to: 'info_requested' },
  reply: { from: ['info_requested'], to: 'processing' },
  approve_answer: { from: ['processing'], to: 'answered' },
  close: { from: ['answered'], to: 'closed' },
  reopen: { from: ['answered', 'closed'], to: 'processing' },
  reject: { from: OPEN, to: 'rejected' },
  merge: { from: OPEN, to: 'merged' },
};

/** The status after `event`, or null when the transition is illegal. */
export function nextStatus(from: FeedbackStatus, event: StatusEvent): FeedbackStatus | null {
  const t = TRANSITIONS[event];
  return t.from.includes(from) ? t.to : null;
}

/** Actions that keep the status, and the statuses in which they are allowed. */
export const ACTIONS_IN = {
  transfer: ['received', 'accepted', 'processing'],
  add_contributor: ['accepted', 'processing', 'info_requested'],
  contribute: ['accepted', 'processing', 'info_requested'],
  note: [...OPEN, 'answered', 'closed', 'rejected', 'merged'],
  save_answer: ['processing'],
  submit_answer: ['processing'],
  return_answer: ['processing'],
} as const satisfies Record<string, readonly FeedbackStatus[]>;
export type StayingAction = keyof typeof ACTIONS_IN;

export function allowedIn(action: StayingAction, status: FeedbackStatus): boolean {
  return (ACTIONS_IN[action] as readonly FeedbackStatus[]).includes(status);
}

/** Nothing more is awaited from the handlers: the clock stops. */
export function clockStopped(status: FeedbackStatus): boolean {
  return !OPEN.includes(status);
}

/** The clock is paused while the submitter is asked for more information. */
export function clockPaused(status: FeedbackStatus): boolean {
  return status === 'info_requested';
}

export function isOpen(status: FeedbackStatus): boolean {
  return OPEN.includes(status);
}
