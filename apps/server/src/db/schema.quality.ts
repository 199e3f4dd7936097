import type { ColumnType } from 'kysely';

/** Tables of the data-quality module (migration 0017). */
/** `date` columns travel as 'YYYY-MM-DD' strings (see database.ts parsers). */
type DateString = string;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** jsonb: read back parsed, written as JSON text. */
type Json = ColumnType<unknown, string, string>;
type NullableJson = ColumnType<unknown, string | null | undefined, string | null>;
/** bigint: may come back as a string on node-postgres; read through Number(). */
type BigIntish = ColumnType<number, number | undefined, number>;

export interface QualityDatabaseTable {
  id: string;
  name: string;
  owner_unit_id: string;
  kind: 'national' | 'specialised' | 'local';
  legal_basis: string | null;
  description: string | null;
  record_count: ColumnType<number | null, number | null | undefined, number | null>;
  update_frequency: string | null;
  last_updated_on: DateString | null;
  connected_to_platform: ColumnType<boolean, boolean | undefined, boolean>;
  consumer_unit_ids: ColumnType<unknown, string | undefined, string>;
  shared_apis: ColumnType<unknown, string | undefined, string>;
  checks: ColumnType<unknown, string | undefined, string>;
  checks_version: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface QualityDictionaryTable {
  version: number;
  content: Json;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface QualityAssessmentTable {
  id: string;
  database_id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: ColumnType<number, number | undefined, number>;
  rows_read: BigIntish;
  source: 'file' | 'postgres';
  source_label: string;
  year: number;
  phase: 'pilot' | 'official';
  checks: Json;
  checks_version: number;
  dictionary_version: number | null;
  measurements: NullableJson;
  criteria: NullableJson;
  score: number | null;
  grade: 'A' | 'B' | 'C' | null;
  formula_version: string | null;
  error_key: string | null;
  instance_id: string | null;
  heartbeat_at: NullableTimestamp;
  created_by: string | null;
  created_at: CreatedAt;
  finished_at: NullableTimestamp;
}

export interface QualityTables {
  quality_database: QualityDatabaseTable;
  quality_dictionary: QualityDictionaryTable;
  quality_assessment: QualityAssessmentTable;
}
