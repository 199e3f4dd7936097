-- Issue 11: database quality — the register, the shared data dictionary, declared checks and assessment runs.
-- Only aggregates and a few masked failing examples are stored; uploaded samples are streamed and discarded.

create table quality_database (
  id uuid primary key,
  name text not null,
  owner_unit_id uuid not null references org_unit (id),
  kind text not null check (kind in ('national', 'specialised', 'local')),
  legal_basis text,
  description text,
  record_count bigint,
  update_frequency text,
  last_updated_on date,
  connected_to_platform boolean not null default false,
  consumer_unit_ids jsonb not null default '[]',
  shared_apis jsonb not null default '[]',
  checks jsonb not null default '[]',
  checks_version integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index quality_database_owner_idx on quality_database (owner_unit_id);

-- The shared data dictionary: one row per version (the whole dictionary as JSON; small, read whole).
create table quality_dictionary (
  version integer primary key,
  content jsonb not null,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now()
);

create table quality_assessment (
  id uuid primary key,
  database_id uuid not null references quality_database (id),
  status text not null check (status in ('queued', 'running', 'done', 'failed')),
  progress real not null default 0,
  rows_read bigint not null default 0,
  source text not null check (source in ('file', 'postgres')),
  source_label text not null,
  year integer not null,
  phase text not null check (phase in ('pilot', 'official')),
  checks jsonb not null,
  checks_version integer not null,
  dictionary_version integer,
  measurements jsonb,
  criteria jsonb,
  score real,
  grade text check (grade in ('A', 'B', 'C')),
  formula_version text,
  error_key text,
  instance_id text,
  heartbeat_at timestamptz,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index quality_assessment_db_idx on quality_assessment (database_id, created_at);
create index quality_assessment_year_idx on quality_assessment (year, status);
