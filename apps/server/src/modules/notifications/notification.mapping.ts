import type { NotificationKind } from '@pilotage/contracts';
import type {
  DomainEvent,
  FeedbackChange,
  ReminderEventType,
  ReportFacts,
  StoredEvent,
} from '../events/index.ts';
import type { NotificationParams } from './notification.kinds.ts';

/** A notification to raise; dedupeKey makes raising it twice (two dispatchers, a retry) a no-op. */
export interface NotifyInput {
  kind: NotificationKind;
  /** Recipient unit (its users filtered by role), or null with userId for one user. */
  unitId: string | null;
  userId?: string | null;
  subjectType: 'assignment' | 'report' | 'org_unit' | 'feedback_item';
  subjectId: string;
  assignmentId: string | null;
  reportId?: string | null;
  period?: string | null;
  params: NotificationParams;
  dedupeKey: string;
  eventId?: string | null;
}

export const REMINDER_KINDS: Record<ReminderEventType, NotificationKind> = {
  'reminder.due_soon': 'due_in_7_days',
  'reminder.due_tomorrow': 'due_in_1_day',
  'reminder.overdue': 'overdue',
  'reminder.escalation': 'escalation',
  'reminder.report_missing': 'report_missing',
};

/** Feedback changes that notify the responsible unit (overdue: its parent); the submitter is e-mailed by feedback. */
const FEEDBACK_KINDS_BY_CHANGE: Partial<Record<FeedbackChange, NotificationKind>> = {
  assigned: 'feedback_assigned',
  answer_pending: 'feedback_answer_pending',
  replied: 'feedback_reply',
  due_soon: 'feedback_due_soon',
  overdue: 'feedback_overdue',
};

const reportParams = (e: ReportFacts): NotificationParams => ({
  taskCode: e.taskCode,
  taskTitle: e.taskTitle,
  unitName: e.unitName,
  progress: e.progress,
});

/**
 * Which notifications an event raises (pure). Event-driven keys are `<event id>:<kind>:<recipient>`, so
 * handling an event twice raises nothing new; a reminder keeps the key of the fact it names
 * (`overdue:<assignment>:<deadline>`), so the same reminder is never raised twice whatever the run.
 */
export function notificationsFor(stored: Pick<StoredEvent, 'id' | 'event' | 'dedupeKey'>): NotifyInput[] {
  const e: DomainEvent = stored.event;
  const key = (kind: NotificationKind, recipient: string) => `${stored.id}:${kind}:${recipient}`;
  const aboutReport = (
    kind: NotificationKind,
    unitId: string,
    r: ReportFacts,
    extra: NotificationParams = {},
  ) => ({
    kind,
    unitId,
    subjectType: 'report' as const,
    subjectId: r.reportId,
    assignmentId: r.assignmentId,
    reportId: r.reportId,
    period: r.period,
    params: { ...reportParams(r), ...extra },
    dedupeKey: key(kind, unitId),
    eventId: stored.id,
  });
  const aboutAssignment = (
    kind: NotificationKind,
    unitId: string,
    assignmentId: string,
    params: NotificationParams,
    dedupeKey = key(kind, unitId),
    period: string | null = null,
  ): NotifyInput => ({
    kind,
    unitId,
    subjectType: 'assignment',
    subjectId: assignmentId,
    assignmentId,
    period,
    params,
    dedupeKey,
    eventId: stored.id,
  });

  switch (e.type) {
    case 'report.approval_requested':
      return [aboutReport('report_pending_approval', e.unitId, e)];
    case 'report.submitted':
      return [aboutReport('report_submitted', e.assignedByUnitId, e)];
    case 'report.returned':
      return [aboutReport('report_returned', e.unitId, e, { reason: e.reason })];
    case 'report.accepted':
      return [aboutReport('report_accepted', e.unitId, e)];
    case 'extension.requested':
      return [
        aboutAssignment('extension_requested', e.assignedByUnitId, e.assignmentId, {
          taskCode: e.taskCode,
          taskTitle: e.taskTitle,
          unitName: e.unitName,
          requestedDeadline: e.requestedDeadline,
          reason: e.reason,
        }),
      ];
    case 'extension.decided': {
      const kind = e.approved ? 'extension_approved' : 'extension_rejected';
      return [
        aboutAssignment(kind, e.unitId, e.assignmentId, {
          taskCode: e.taskCode,
          taskTitle: e.taskTitle,
          deadline: e.deadline,
        }),
      ];
    }
    case 'assignment.created':
    case 'assignment.cascaded':
      return e.assignments.map((a) =>
        aboutAssignment('assignment_new', a.unitId, a.id, {
          taskCode: e.taskCode,
          taskTitle: e.taskTitle,
          deadline: e.deadline ?? '—',
        }),
      );
    case 'feedback.changed': {
      const kind = FEEDBACK_KINDS_BY_CHANGE[e.change];
      if (!kind) return [];
      const unitId = kind === 'feedback_overdue' ? (e.escalateToUnitId ?? e.unitId) : e.unitId;
      const params = {
        trackingCode: e.trackingCode,
        title: e.title,
        due: e.dueAt.slice(0, 10),
        unitName: e.unitName ?? '',
      };
      return [
        {
          kind,
          unitId,
          subjectType: 'feedback_item',
          subjectId: e.itemId,
          assignmentId: null,
          period: null,
          params,
          dedupeKey: stored.dedupeKey ?? key(kind, unitId),
          eventId: stored.id,
        },
      ];
    }
    case 'report.withdrawn': // the reviewers' queue no longer lists it; nobody needs telling
    case 'commitment.signed':
    case 'kpi.values_changed':
      return []; // kept for the timeline and future consumers; nobody is told
    case 'reminder.report_missing':
      // grouped: about the unit; a group of one still links to its assignment
      return [
        {
          kind: 'report_missing',
          unitId: e.unitId,
          subjectType: 'org_unit',
          subjectId: e.unitId,
          assignmentId: e.assignmentIds.length === 1 ? e.assignmentIds[0]! : null,
          period: e.period,
          params: e.params,
          dedupeKey: stored.dedupeKey ?? key('report_missing', e.unitId),
          eventId: stored.id,
        },
      ];
    default: {
      const kind = REMINDER_KINDS[e.type];
      return [
        aboutAssignment(
          kind,
          e.unitId,
          e.assignmentId,
          e.params,
          stored.dedupeKey ?? key(kind, e.unitId),
          e.period,
        ),
      ];
    }
  }
}
