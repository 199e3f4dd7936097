import { NOTIFICATION_KINDS, type Lang, type NotificationKind, type Role } from '@pilotage/contracts';
import { t, type MessageKey } from '../../http/messages.ts';

/**
 * Who in the addressed unit a notification kind is for. Reminders and review outcomes go to the people
 * who report; approvals to leads; submissions to reviewers; escalations to those who supervise.
 */
const REPORTERS: readonly Role[] = ['officer', 'unit_lead', 'admin', 'viewer'];
const FEEDBACK_HANDLERS: readonly Role[] = ['handler', 'officer', 'unit_lead', 'steering', 'admin'];
export const AUDIENCE: Record<NotificationKind, readonly Role[]> = {
  due_in_7_days: REPORTERS,
  due_in_1_day: REPORTERS,
  overdue: REPORTERS,
  report_missing: REPORTERS,
  report_returned: REPORTERS,
  report_accepted: REPORTERS,
  escalation: ['unit_lead', 'steering', 'reviewer', 'admin'],
  report_pending_approval: ['unit_lead', 'admin'],
  report_submitted: ['reviewer', 'steering', 'admin'],
  assignment_new: REPORTERS,
  extension_requested: ['reviewer', 'steering', 'admin', 'unit_lead'],
  extension_approved: REPORTERS,
  extension_rejected: REPORTERS,
  feedback_assigned: FEEDBACK_HANDLERS,
  feedback_answer_pending: ['unit_lead', 'admin'],
  feedback_reply: FEEDBACK_HANDLERS,
  feedback_due_soon: FEEDBACK_HANDLERS,
  feedback_overdue: ['unit_lead', 'steering', 'handler', 'admin'],
};

/** The kinds a user with these roles sees. */
export const kindsFor = (roles: readonly Role[]): NotificationKind[] =>
  NOTIFICATION_KINDS.filter((k) => AUDIENCE[k].some((r) => roles.includes(r)));

export type NotificationParams = Record<string, string | number | null>;

export function renderNotification(
  lang: Lang,
  kind: NotificationKind,
  params: NotificationParams,
  period: string | null,
): string {
  const values: Record<string, string | number> = { period: period ?? '' };
  for (const [k, v] of Object.entries(params)) if (v !== null) values[k] = v;
  // "report missing" raised per assignment before they were grouped: a group of one
  if (kind === 'report_missing' && values.count === undefined) {
    values.count = 1;
    values.taskCodes = values.taskCode ?? '';
  }
  return t(lang, `notif_${kind}` as MessageKey, values);
}
