import type {
  FeedbackAnswerStatus,
  FeedbackKind,
  FeedbackRejectReason,
  FeedbackSource,
  FeedbackStatus,
  Lang,
  SubmitterType,
} from '@pilotage/contracts';
import type { ColumnType } from 'kysely';

/** Tables of the feedback module (migration 0015_feedback.sql). */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** `date` columns travel as 'YYYY-MM-DD' strings on both engines (see database.ts parsers). */
type DateString = string;
type Bytes = ColumnType<Uint8Array, Uint8Array | Buffer, Uint8Array | Buffer>;

export interface FeedbackTopicTable {
  id: string;
  code: string;
  name: string;
  name_en: string | null;
  category: string | null;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  sort_order: ColumnType<number, number | undefined, number>;
  search_key: string;
  created_at: CreatedAt;
}

export interface FeedbackDeadlineRuleTable {
  id: string;
  kind: FeedbackKind;
  topic_id: string | null;
  working_days: number;
  created_at: CreatedAt;
}

export interface FeedbackRoutingRuleTable {
  id: string;
  topic_id: string | null;
  place_unit_id: string | null;
  unit_id: string;
  priority: ColumnType<number, number | undefined, number>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface FeedbackItemTable {
  id: string;
  tracking_code: string;
  secret_hash: string;
  kind: FeedbackKind;
  topic_id: string;
  title: string;
  content: string;
  lang: ColumnType<Lang, Lang | undefined, Lang>;
  submitter_type: SubmitterType;
  source: ColumnType<FeedbackSource, FeedbackSource | undefined, FeedbackSource>;
  source_report_id: string | null;
  province_unit_id: string | null;
  commune_unit_id: string | null;
  programme_id: string | null;
  task_id: string | null;
  lat: number | null;
  long: number | null;
  address_string: string | null;
  consent_to_publish: ColumnType<boolean, boolean | undefined, boolean>;
  contact_enc: string | null;
  contact_key_id: string | null;
  has_email: ColumnType<boolean, boolean | undefined, boolean>;
  personal_data_purged_at: NullableTimestamp;
  status: FeedbackStatus;
  reject_reason: FeedbackRejectReason | null;
  merged_into_id: string | null;
  unit_id: string;
  submitted_at: Timestamp;
  deadline_working_days: number;
  due_at: Timestamp;
  paused_at: NullableTimestamp;
  paused_working_days: ColumnType<number, number | undefined, number>;
  accepted_at: NullableTimestamp;
  answered_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  reopened_count: ColumnType<number, number | undefined, number>;
  reminded_at: NullableTimestamp;
  escalated_at: NullableTimestamp;
  search_key: string;
  similarity_key: string;
  updated_at: Timestamp;
  created_at: CreatedAt;
}

export interface FeedbackContributorTable {
  item_id: string;
  unit_id: string;
  reason: string | null;
  requested_by: string | null;
  requested_at: Timestamp;
  contribution: string | null;
  contributed_by: string | null;
  contributed_at: NullableTimestamp;
}

export interface FeedbackStepTable {
  id: string;
  item_id: string;
  at: Timestamp;
  action: string;
  from_status: FeedbackStatus | null;
  to_status: FeedbackStatus | null;
  actor_user_id: string | null;
  from_unit_id: string | null;
  to_unit_id: string | null;
  reason: string | null;
  message: string | null;
  public: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface FeedbackNoteTable {
  id: string;
  item_id: string;
  unit_id: string;
  author_user_id: string;
  body: string;
  created_at: Timestamp;
}

export interface FeedbackAnswerTable {
  id: string;
  item_id: string;
  unit_id: string;
  body: string;
  public_title: string | null;
  status: FeedbackAnswerStatus;
  author_user_id: string;
  approved_by: string | null;
  approved_at: NullableTimestamp;
  return_reason: string | null;
  published_at: NullableTimestamp;
  search_key: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FeedbackRatingTable {
  id: string;
  item_id: string;
  answer_id: string | null;
  score: number;
  comment: string | null;
  rated_at: Timestamp;
}

export interface FeedbackAttachmentTable {
  id: string;
  item_id: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Bytes;
  created_at: Timestamp;
}

export interface FeedbackFollowerTable {
  item_id: string;
  follower_item_id: string;
  created_at: Timestamp;
}

export interface WorkingCalendarExceptionTable {
  day: DateString;
  is_working: boolean;
  note: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface PublicRateCounterTable {
  key: string;
  window_start: Timestamp;
  hits: number;
}

export interface PowRedeemedTable {
  challenge: string;
  expires_at: Timestamp;
}

export interface FeedbackTables {
  feedback_topic: FeedbackTopicTable;
  feedback_deadline_rule: FeedbackDeadlineRuleTable;
  feedback_routing_rule: FeedbackRoutingRuleTable;
  feedback_item: FeedbackItemTable;
  feedback_contributor: FeedbackContributorTable;
  feedback_step: FeedbackStepTable;
  feedback_note: FeedbackNoteTable;
  feedback_answer: FeedbackAnswerTable;
  feedback_rating: FeedbackRatingTable;
  feedback_attachment: FeedbackAttachmentTable;
  feedback_follower: FeedbackFollowerTable;
  working_calendar_exception: WorkingCalendarExceptionTable;
  public_rate_counter: PublicRateCounterTable;
  pow_redeemed: PowRedeemedTable;
}
