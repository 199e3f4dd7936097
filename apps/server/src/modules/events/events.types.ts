/**
 * The domain events of Pilotage: one typed union, recorded by a workflow in the SAME transaction as the
 * change it describes (`recordEvent(tx, event)`), dispatched later (notifications, e-mails, future consumers).
 * Payloads carry what consumers need to render a message at the time of the fact (names, codes), so a
 * consumer never reads another module's tables.
 */

/** The report a report.* event is about, as it was when the event happened. */
export interface ReportFacts {
  reportId: string;
  assignmentId: string;
  period: string;
  /** The reporting (assigned) unit. */
  unitId: string;
  unitName: string;
  /** The unit that assigned the work and reviews the report. */
  assignedByUnitId: string;
  taskCode: string;
  taskTitle: string;
  progress: number | null;
}

export interface ExtensionFacts {
  extensionId: string;
  assignmentId: string;
  unitId: string;
  unitName: string;
  assignedByUnitId: string;
  taskCode: string;
  taskTitle: string;
}

export interface AssignmentBatch {
  taskId: string;
  taskCode: string;
  taskTitle: string;
  assignedByUnitId: string;
  deadline: string | null;
  /** The assignments created (units that held the task already are not in it). */
  assignments: { id: string; unitId: string }[];
}

export type ReminderParams = Record<string, string | number | null>;

/** Time-driven facts found by the reminder job; `unitId` is the unit to tell. */
export interface ReminderFacts {
  assignmentId: string;
  unitId: string;
  period: string | null;
  params: ReminderParams;
}

/**
 * Reports missing for one period in one unit, grouped (issue 8 item 5): the unit to tell, the period and
 * the assignments that did not report for it (params: count, taskCodes, dueOn, periodKind…).
 */
export interface MissingReportsFacts {
  unitId: string;
  period: string;
  assignmentIds: string[];
  params: ReminderParams;
}

export const REMINDER_EVENT_TYPES = [
  'reminder.due_soon',
  'reminder.due_tomorrow',
  'reminder.overdue',
  'reminder.escalation',
  'reminder.report_missing',
] as const;
export type ReminderEventType = (typeof REMINDER_EVENT_TYPES)[number];
export type ReminderEvent =
  | ({ type: Exclude<ReminderEventType, 'reminder.report_missing'> } & ReminderFacts)
  | ({ type: 'reminder.report_missing' } & MissingReportsFacts);

/** Feedback items (issue 10): one event type, the kind of change in `change`. */
export const FEEDBACK_CHANGES = [
  'received',
  'assigned',
  'status',
  'answer_pending',
  'answered',
  'info_requested',
  'replied',
  'due_soon',
  'overdue',
] as const;
export type FeedbackChange = (typeof FEEDBACK_CHANGES)[number];
export interface FeedbackFacts {
  change: FeedbackChange;
  itemId: string;
  trackingCode: string;
  /** The responsible unit. */
  unitId: string;
  title: string;
  status: string;
  dueAt: string;
  /** Overdue escalations: the parent of the responsible unit. */
  escalateToUnitId?: string | null;
  unitName?: string;
}

export type DomainEvent =
  | ({ type: 'feedback.changed' } & FeedbackFacts)
  | ({ type: 'report.approval_requested' } & ReportFacts)
  | ({ type: 'report.submitted' } & ReportFacts)
  | ({ type: 'report.returned'; reason: string } & ReportFacts)
  | ({ type: 'report.accepted' } & ReportFacts)
  | ({ type: 'report.withdrawn' } & ReportFacts)
  | ({ type: 'extension.requested'; requestedDeadline: string; reason: string } & ExtensionFacts)
  | ({ type: 'extension.decided'; approved: boolean; deadline: string | null } & ExtensionFacts)
  | ({ type: 'assignment.created' } & AssignmentBatch)
  | ({ type: 'assignment.cascaded'; parentAssignmentId: string } & AssignmentBatch)
  | {
      type: 'commitment.signed';
      commitmentId: string;
      unitId: string;
      assignmentIds: string[];
      dueOn: string;
    }
  | ReminderEvent
  | KpiValuesChanged;

/**
 * Data values accepted by one import (issue 9): the units and periods whose figures changed, so consumers
 * (scorecards, caches) know what to refresh. Roll-ups read live values and need no event.
 */
export interface KpiValuesChanged {
  type: 'kpi.values_changed';
  importId: string;
  actorUnitId: string;
  dataSet: string | null;
  /** Distinct units written (at most 1,000; `unitCount` has the number). */
  unitIds: string[];
  unitCount: number;
  periods: string[];
  dataElements: string[];
  counts: { imported: number; updated: number; deleted: number };
}

export type DomainEventType = DomainEvent['type'];
export type EventOf<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;

/** What an event is about (stored on the row, for lookups by subject). */
export function subjectOf(e: DomainEvent): { type: string; id: string } {
  switch (e.type) {
    case 'report.approval_requested':
    case 'report.submitted':
    case 'report.returned':
    case 'report.accepted':
    case 'report.withdrawn':
      return { type: 'report', id: e.reportId };
    case 'extension.requested':
    case 'extension.decided':
      return { type: 'deadline_extension', id: e.extensionId };
    case 'assignment.created':
      return { type: 'task', id: e.taskId };
    case 'assignment.cascaded':
      return { type: 'assignment', id: e.parentAssignmentId };
    case 'commitment.signed':
      return { type: 'commitment', id: e.commitmentId };
    case 'reminder.report_missing':
      return { type: 'org_unit', id: e.unitId };
    case 'kpi.values_changed':
      return { type: 'data_value_import', id: e.importId };
    case 'feedback.changed':
      return { type: 'feedback_item', id: e.itemId };
    default:
      return { type: 'assignment', id: e.assignmentId };
  }
}

/** A recorded event as the dispatcher hands it to its handlers. */
export interface StoredEvent {
  id: string;
  event: DomainEvent;
  occurredAt: Date;
  dedupeKey: string | null;
  attempts: number;
}
