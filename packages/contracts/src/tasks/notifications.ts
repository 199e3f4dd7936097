import { z } from 'zod';
import { IdParams, IsoDate, IsoDateTime, Pagination, Uuid } from '../common.ts';
import { defineRoutes } from '../route.ts';

/**
 * In-app notifications, addressed to a unit and read per user. Scheduled kinds (job `runReminders`):
 * due_in_7_days, due_in_1_day, overdue (to the assigned unit), report_missing (to the assigned unit, ONE per
 * unit and period: params.count, params.taskCodes, params.assignmentIds; subject = the unit), escalation (to
 * the unit that ASSIGNED the work — its steering staff, leads, reviewers — after the programme's
 * escalation_days overdue). Event kinds: report_pending_approval
 * (to the unit's leads), report_submitted (to the assigning unit), report_returned / report_accepted (to the
 * reporting unit), assignment_new (to the assigned unit), extension_requested (to the assigning unit),
 * extension_approved / extension_rejected (to the assigned unit). Event kinds are made by the event
 * dispatcher from domain events (ADR 0008). Each user sees the kinds meant for their roles.
 */
export const NOTIFICATION_KINDS = [
  'due_in_7_days',
  'due_in_1_day',
  'overdue',
  'report_missing',
  'escalation',
  'report_pending_approval',
  'report_submitted',
  'report_returned',
  'report_accepted',
  'assignment_new',
  'extension_requested',
  'extension_approved',
  'extension_rejected',
  // feedback items (issue 10)
  'feedback_assigned',
  'feedback_answer_pending',
  'feedback_reply',
  'feedback_due_soon',
  'feedback_overdue',
] as const;
export const NotificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const Notification = z.object({
  id: Uuid,
  kind: NotificationKind,
  /** Recipient: a unit (its users see it when their roles fit the kind) or, when null, one user (userId). */
  unitId: Uuid.nullable(),
  userId: Uuid.nullable(),
  /** What it is about: 'assignment' | 'report' (later: feedback items). */
  subjectType: z.string().nullable(),
  subjectId: Uuid.nullable(),
  assignmentId: Uuid.nullable(),
  reportId: Uuid.nullable(),
  period: z.string().nullable(),
  /** Values of the message: taskCode, taskTitle, unitName, deadline, days, reason… */
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  /** Rendered in the caller's language (Accept-Language). */
  message: z.string(),
  createdAt: IsoDateTime,
  /** When the caller read it; null when unread. */
  readAt: IsoDateTime.nullable(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationListQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  kind: NotificationKind.optional(),
  ...Pagination,
});

export const NotificationList = z.object({
  items: z.array(Notification),
  total: z.number().int(),
  unread: z.number().int(),
});

export const RunRemindersBody = z
  .strictObject({
    /** Reference date (default: today in Vietnam). */
    asOf: IsoDate.optional(),
    /** Run even if a run for this date already happened (notifications are still never duplicated). */
    force: z.boolean().optional(),
  })
  .nullish();

export const ReminderRunResult = z.object({
  ran: z.boolean(),
  runKey: z.string(),
  asOf: IsoDate,
  assignmentsChecked: z.number().int(),
  /** Notifications newly created, per kind. */
  created: z.record(z.string(), z.number().int()),
  emailsSent: z.number().int(),
  durationMs: z.number(),
});
export type ReminderRunResult = z.infer<typeof ReminderRunResult>;

const tags = ['notifications'] as const;

export const notificationRoutes = defineRoutes({
  list: {
    method: 'GET',
    path: '/api/notifications',
    summary: "The caller's unit's notifications for the caller's roles, newest first, with the unread count",
    tags,
    query: NotificationListQuery,
    response: NotificationList,
  },
  unreadCount: {
    method: 'GET',
    path: '/api/notifications/unread-count',
    summary: 'Number of unread notifications (for the bell badge)',
    tags,
    response: z.object({ count: z.number().int() }),
  },
  read: {
    method: 'POST',
    path: '/api/notifications/:id/read',
    summary: 'Mark one notification read for the caller',
    tags,
    params: IdParams,
    response: Notification,
  },
  readAll: {
    method: 'POST',
    path: '/api/notifications/read-all',
    summary: 'Mark every notification read for the caller',
    tags,
    response: z.object({ updated: z.number().int() }),
  },
  runReminders: {
    method: 'POST',
    path: '/api/admin/jobs/reminders/run',
    summary: 'Run the reminder job now (admin); safe with several instances',
    tags,
    body: RunRemindersBody,
    response: ReminderRunResult,
  },
});
