import type {
  DocumentType,
  ExtensionStatus,
  NotificationKind,
  OrgUnitKind,
  Priority,
  ReportingFrequency,
  ReportStatus,
  Role,
  TaskCategory,
  TaskStatus,
} from '@pilotage/contracts';
import type { ColumnType } from 'kysely';
import type { KpiTables } from './schema.kpi.ts';
import type { ScorecardTables } from './schema.scorecards.ts';
import type { InitiativesTables } from './schema.initiatives.ts';
import type { FeedbackTables } from './schema.feedback.ts';
import type { QualityTables } from './schema.quality.ts';

type DeadlineUsed = 'original' | 'extended' | 'none';

/** Timestamps come back as Date; written as Date or ISO string; defaulted by the database. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** `date` columns travel as 'YYYY-MM-DD' strings on both engines (see database.ts parsers). */
type DateString = string;
type Json = ColumnType<unknown, string | null, string | null>;

export interface OrgUnitTable {
  id: string;
  code: string;
  name: string;
  name_en: string | null;
  kind: OrgUnitKind;
  parent_id: string | null;
  valid_from: DateString;
  valid_to: DateString | null;
  search_key: string;
  sort_order: number;
  created_at: CreatedAt;
  /** Former units (the 63 provinces before 1 July 2025): the unit that took them over (migration 0012). */
  successor_id: string | null;
  full_name: string | null;
  full_name_en: string | null;
}

export interface OrgUnitClosureTable {
  ancestor_id: string;
  descendant_id: string;
  depth: number;
}

export interface AppUserTable {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  org_unit_id: string;
  roles: Role[];
  password_hash: string | null;
  active: boolean;
  /** A demo account (demo/seed.ts): removable in one action, never re-created once a real user exists. */
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  search_key: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
  must_change_password: ColumnType<boolean, boolean | undefined, boolean>;
  password_changed_at: NullableTimestamp;
}

export interface SessionTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginAttemptTable {
  id: string;
  username: string;
  ip: string;
  succeeded: boolean;
  at: Timestamp;
}

export interface ApiKeyTable {
  id: string;
  org_unit_id: string;
  name: string;
  prefix: string;
  secret_hash: string;
  roles: Role[];
  created_by: string | null;
  created_at: CreatedAt;
  revoked_at: NullableTimestamp;
  last_used_at: NullableTimestamp;
  expires_at: Timestamp;
}

export interface AuditEventTable {
  id: string;
  occurred_at: Timestamp;
  actor_user_id: string | null;
  actor_name: string | null;
  actor_unit_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: Json;
  after: Json;
  request_id: string | null;
  /** Hash of the event's own content; null only for events chained before migration 0006. */
  content_hash: string | null;
}

/** An event's place in the chain, written by the sealer (migration 0006). */
export interface AuditSealTable {
  seq: number;
  event_id: string;
  prev_hash: string;
  hash: string;
  sealed_at: Timestamp;
}

export interface AuditPendingTable {
  event_id: string;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_start: Timestamp;
  blocked_until: NullableTimestamp;
}

export interface AuditChainHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface SchemaMigrationTable {
  name: string;
  applied_at: CreatedAt;
}

export interface DirectiveDocumentTable {
  id: string;
  code: string;
  title: string;
  doc_type: DocumentType;
  issuer: string;
  issued_on: DateString;
  search_key: string;
  created_at: CreatedAt;
}

export interface ProgrammeTable {
  id: string;
  code: string;
  title: string;
  document_id: string | null;
  owner_unit_id: string;
  period_start: DateString;
  period_end: DateString;
  reporting_frequency: ColumnType<ReportingFrequency, ReportingFrequency | undefined, ReportingFrequency>;
  at_risk_margin: ColumnType<number, number | undefined, number>;
  report_due_days: ColumnType<number, number | undefined, number>;
  escalation_days: ColumnType<number, number | undefined, number>;
  search_key: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface TaskTable {
  id: string;
  programme_id: string;
  code: string;
  title: string;
  description: string | null;
  source_clause: string | null;
  category: TaskCategory;
  expected_product: string | null;
  lead_unit_id: string;
  start_date: DateString;
  deadline: DateString | null;
  is_continuous: boolean;
  reporting_frequency: ReportingFrequency | null;
  priority: ColumnType<Priority, Priority | undefined, Priority>;
  parent_task_id: string | null;
  search_key: string;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface TaskCoordinatingUnitTable {
  task_id: string;
  unit_id: string;
}

export interface AssignmentTable {
  id: string;
  task_id: string;
  unit_id: string;
  assigned_by_unit_id: string;
  parent_assignment_id: string | null;
  deadline: DateString | null;
  original_deadline: DateString | null;
  responsible_leader: string | null;
  progress: ColumnType<number, number | undefined, number>;
  completed_on: DateString | null;
  product: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  // stored status (migration 0004, ADR 0010): maintained by modules/tasks/stored-status.ts only
  status: ColumnType<TaskStatus, TaskStatus | undefined, TaskStatus>;
  at_risk: ColumnType<boolean, boolean | undefined, boolean>;
  status_progress: ColumnType<number, number | undefined, number>;
  effective_deadline: DateString | null;
  deadline_used: ColumnType<DeadlineUsed, DeadlineUsed | undefined, DeadlineUsed>;
  judged_period: string | null;
  status_on: DateString | null;
  status_recheck_on: ColumnType<DateString | null, DateString | null | undefined, DateString | null>;
}

export interface DeadlineExtensionTable {
  id: string;
  assignment_id: string;
  previous_deadline: DateString;
  requested_deadline: DateString;
  reason: string;
  status: ColumnType<ExtensionStatus, ExtensionStatus | undefined, ExtensionStatus>;
  requested_by: string | null;
  requested_at: Timestamp;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  effective_on: DateString | null;
  decision_note: string | null;
}

export interface ProgressReportTable {
  id: string;
  assignment_id: string;
  period: string;
  period_start: DateString;
  period_end: DateString;
  due_on: DateString;
  progress: number;
  narrative: string | null;
  difficulties: string | null;
  proposals: string | null;
  product: string | null;
  completed_on: DateString | null;
  status: ColumnType<ReportStatus, ReportStatus | undefined, ReportStatus>;
  approved_by: string | null;
  approved_at: NullableTimestamp;
  submitted_by: string | null;
  submitted_at: NullableTimestamp;
  reviewed_by: string | null;
  reviewed_at: NullableTimestamp;
  return_reason: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ReportEvidenceTable {
  id: string;
  report_id: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: string | null;
  created_at: CreatedAt;
}

export interface CommitmentTable {
  id: string;
  unit_id: string;
  programme_id: string | null;
  signer_user_id: string;
  signer_name: string;
  outcome: string;
  due_on: DateString;
  content_hash: string;
  signed_at: Timestamp;
}

export interface CommitmentItemTable {
  commitment_id: string;
  assignment_id: string;
}

export interface NotificationTable {
  id: string;
  /** Recipient: a unit (its users, filtered by role) or one user; at least one is set. */
  unit_id: string | null;
  user_id: string | null;
  kind: NotificationKind;
  /** What the notification is about: 'assignment' | 'report' (later feedback items). */
  subject_type: string | null;
  subject_id: string | null;
  event_id: string | null;
  assignment_id: string | null;
  report_id: string | null;
  period: string | null;
  params: Json;
  dedupe_key: string;
  created_at: CreatedAt;
  read_at: NullableTimestamp;
}

export interface DomainEventTable {
  id: string;
  type: string;
  payload: Json;
  subject_type: string | null;
  subject_id: string | null;
  actor_user_id: string | null;
  dedupe_key: string | null;
  occurred_at: Timestamp;
  attempts: ColumnType<number, number | undefined, number>;
  claimed_at: NullableTimestamp;
  claim_token: string | null;
  processed_at: NullableTimestamp;
  last_error: string | null;
}

export interface MailOutboxTable {
  id: string;
  dedupe_key: string;
  event_id: string | null;
  notification_id: string | null;
  recipient_user_id: string | null;
  to_address: string;
  subject: string;
  body: string;
  created_at: Timestamp;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Timestamp;
  claimed_at: NullableTimestamp;
  claim_token: string | null;
  sent_at: NullableTimestamp;
  failed_at: NullableTimestamp;
  last_error: string | null;
}

export interface IdempotencyKeyTable {
  actor_id: string;
  key: string;
  request_hash: string;
  response_status: number;
  response_body: Json;
  created_at: CreatedAt;
}

export interface JobRunTable {
  name: string;
  run_key: string;
  started_at: Timestamp;
  finished_at: NullableTimestamp;
  result: Json;
}

export interface NotificationReadTable {
  notification_id: string;
  user_id: string;
  read_at: Timestamp;
}

export interface DB extends KpiTables, ScorecardTables, InitiativesTables, FeedbackTables, QualityTables {
  directive_document: DirectiveDocumentTable;
  programme: ProgrammeTable;
  task: TaskTable;
  task_coordinating_unit: TaskCoordinatingUnitTable;
  assignment: AssignmentTable;
  deadline_extension: DeadlineExtensionTable;
  progress_report: ProgressReportTable;
  report_evidence: ReportEvidenceTable;
  commitment: CommitmentTable;
  commitment_item: CommitmentItemTable;
  notification: NotificationTable;
  idempotency_key: IdempotencyKeyTable;
  job_run: JobRunTable;
  notification_read: NotificationReadTable;
  domain_event: DomainEventTable;
  mail_outbox: MailOutboxTable;
  org_unit: OrgUnitTable;
  org_unit_closure: OrgUnitClosureTable;
  app_user: AppUserTable;
  session: SessionTable;
  login_attempt: LoginAttemptTable;
  api_key: ApiKeyTable;
  audit_event: AuditEventTable;
  audit_chain_head: AuditChainHeadTable;
  audit_seal: AuditSealTable;
  audit_pending: AuditPendingTable;
  login_throttle: LoginThrottleTable;
  schema_migration: SchemaMigrationTable;
}
