import type { ColumnType } from 'kysely';

/** Tables of the initiative portal (migration 0016, ADR 0018). */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** jsonb: read as parsed JSON (typed by the repository), written as a JSON string. */
type Jsonb = ColumnType<unknown, string, string>;
type NullableJsonb = ColumnType<unknown, string | null | undefined, string | null>;

export interface InitiativeRubricTable {
  id: string;
  version: number;
  criteria: Jsonb;
  scale_max: ColumnType<number, number | undefined, number>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface InitiativeTable {
  id: string;
  code: string;
  title: string;
  kind: 'product' | 'solution';
  domain: string;
  trl: number;
  description: string;
  proposer_name: string;
  proposer_organisation: string | null;
  proposer_type: 'citizen' | 'business' | 'scientist' | 'organisation' | 'agency';
  proposer_email: string | null;
  proposer_phone: string | null;
  province_id: string | null;
  status: ColumnType<
    'submitted' | 'catalogued' | 'screened_out' | 'under_evaluation' | 'evaluated' | 'decided',
    string | undefined,
    string
  >;
  screening_note: string | null;
  rubric_id: string | null;
  decision: 'pilot' | 'deploy' | 'reject' | null;
  decision_note: string | null;
  follow_up: string | null;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  secret_hash: string | null;
  submitter_ip_hash: string | null;
  search_key: string;
  submitted_at: Timestamp;
  updated_at: Timestamp;
}

export interface InitiativeAttachmentTable {
  id: string;
  initiative_id: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  created_at: CreatedAt;
}

export interface InitiativeExpertTable {
  initiative_id: string;
  user_id: string;
  assigned_by: string | null;
  assigned_at: CreatedAt;
  conflict: ColumnType<'undeclared' | 'none' | 'declared', string | undefined, string>;
  conflict_reason: string | null;
  declared_at: NullableTimestamp;
  scores: NullableJsonb;
  comment: string | null;
  scored_at: NullableTimestamp;
}

export interface InitiativeTaskTable {
  initiative_id: string;
  task_id: string;
  linked_by: string | null;
  linked_at: CreatedAt;
}

export interface ReportRecommendationTable {
  report_id: string;
  field: 'difficulties' | 'proposals';
  item_id: string;
  promoted_by: string | null;
  promoted_at: CreatedAt;
}

export interface InitiativesTables {
  initiative_rubric: InitiativeRubricTable;
  initiative: InitiativeTable;
  initiative_attachment: InitiativeAttachmentTable;
  initiative_expert: InitiativeExpertTable;
  initiative_task: InitiativeTaskTable;
  report_recommendation: ReportRecommendationTable;
}
