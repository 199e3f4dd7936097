-- Targets and trajectories, scorecard formulas (versioned), published league tables, dashboard pins
-- (issue 9, ADR 0016). Keys are app-generated UUIDv7; no sequences, no triggers.

-- One point of an indicator's trajectory: national (org_unit_id null) or a unit's own.
create table kpi_target (
  id uuid primary key,
  indicator_id uuid not null references indicator (id),
  org_unit_id uuid references org_unit (id),
  target_date date not null,
  value double precision not null,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  unique nulls not distinct (indicator_id, org_unit_id, target_date)
);

-- A scorecard formula version: components [{key, weight}]. Never updated: a change is the next version.
create table scorecard_formula (
  version integer primary key check (version >= 1),
  components jsonb not null,
  note text,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now()
);

-- A published league table: the level, its parent (communes of a province), the period and the formula
-- version; its rows keep each unit's score and component values so the ranking is reproduced exactly.
create table score_run (
  id uuid primary key,
  level text not null check (level in ('province', 'ministry', 'commune')),
  parent_id uuid references org_unit (id),
  period text not null,
  formula_version integer not null references scorecard_formula (version),
  published_by uuid references app_user (id),
  published_at timestamptz not null default now(),
  unique nulls not distinct (level, parent_id, period, formula_version)
);

create table score_result (
  run_id uuid not null references score_run (id),
  org_unit_id uuid not null references org_unit (id),
  rank integer,
  score double precision,
  components jsonb not null,
  primary key (run_id, org_unit_id)
);
create index score_result_unit_idx on score_result (org_unit_id);

-- Indicators a user pinned to their own dashboard.
create table dashboard_pin (
  user_id uuid not null references app_user (id),
  indicator_id uuid not null references indicator (id),
  sort_order integer not null default 0,
  created_at timestamptz not null default now(),
  primary key (user_id, indicator_id)
);

-- The first formula version: task performance, reporting, KPI achievement.
insert into scorecard_formula (version, components, note) values (
  1,
  '[{"key":"tasks_on_time","weight":30},{"key":"tasks_not_overdue","weight":20},{"key":"reporting_tasks","weight":15},{"key":"reporting_kpi","weight":15},{"key":"kpi_achievement","weight":20}]',
  'Initial formula'
);
