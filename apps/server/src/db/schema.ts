import type { ColumnType } from 'kysely';

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
  kind: string;
  parent_id: string | null;
  valid_from: DateString;
  valid_to: DateString | null;
  search_key: string;
  sort_order: number;
  created_at: CreatedAt;
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
  roles: string[];
  password_hash: string | null;
  active: boolean;
  search_key: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
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
  roles: string[];
  created_by: string | null;
  created_at: CreatedAt;
  revoked_at: NullableTimestamp;
  last_used_at: NullableTimestamp;
}

export interface AuditEventTable {
  id: string;
  seq: number;
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
  prev_hash: string;
  hash: string;
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

export interface DB {
  org_unit: OrgUnitTable;
  org_unit_closure: OrgUnitClosureTable;
  app_user: AppUserTable;
  session: SessionTable;
  login_attempt: LoginAttemptTable;
  api_key: ApiKeyTable;
  audit_event: AuditEventTable;
  audit_chain_head: AuditChainHeadTable;
  schema_migration: SchemaMigrationTable;
}
