-- KPIs (issue 9): DHIS2-style data elements, indicators, data sets, data values with history,
-- validation rules, complete registrations; org units get their official codes (loader) and the former
-- provinces (valid until 2025-06-30) their successor.
-- Keys are app-generated UUIDv7; no sequences, no triggers.

-- A former unit (e.g. one of the 63 provinces before 1 July 2025) names the unit that took it over; its
-- values roll into the successor's figures (where the element's aggregation allows it).
alter table org_unit add column successor_id uuid references org_unit (id);
alter table org_unit add column full_name text;
alter table org_unit add column full_name_en text;
create index org_unit_successor_idx on org_unit (successor_id) where successor_id is not null;

-- What units report. levels: the org unit kinds that report it.
create table data_element (
  id uuid primary key,
  code text not null unique,
  name text not null,
  name_en text,
  description text,
  value_type text not null check (value_type in ('number', 'integer', 'percentage', 'yes_no', 'text')),
  aggregation text not null check (aggregation in ('sum', 'average', 'min', 'max', 'last', 'none')),
  levels text[] not null,
  search_key text not null,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Formulas over data elements in DHIS2 expression syntax (#{CODE}); value = numerator / denominator × factor.
create table indicator (
  id uuid primary key,
  code text not null unique,
  name text not null,
  name_en text,
  description text,
  numerator text not null,
  denominator text not null,
  factor double precision not null default 1,
  direction text not null check (direction in ('higher', 'lower')),
  unit_of_measure text,
  decimals integer not null default 2 check (decimals between 0 and 6),
  programme_id uuid references programme (id),
  task_id uuid references task (id),
  search_key text not null,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index indicator_task_idx on indicator (task_id) where task_id is not null;

-- What a level reports each period. expiry_days: days after the period's end a value may still be entered
-- (0 = no limit); timely_days: days after the period's end a complete registration counts as on time.
create table data_set (
  id uuid primary key,
  code text not null unique,
  name text not null,
  name_en text,
  period_type text not null check (period_type in ('monthly', 'quarterly', 'six_monthly', 'yearly')),
  expiry_days integer not null default 0 check (expiry_days >= 0),
  timely_days integer not null default 15 check (timely_days >= 0),
  levels text[] not null,
  search_key text not null,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table data_set_element (
  data_set_id uuid not null references data_set (id),
  data_element_id uuid not null references data_element (id),
  sort_order integer not null default 0,
  primary key (data_set_id, data_element_id)
);
create index data_set_element_element_idx on data_set_element (data_element_id);

-- One value per element, period (DHIS2 period code: 202507, 2025Q3, 2025S1, 2025) and unit.
-- value keeps what was sent; value_num its number (yes_no: 1/0; text: null) for roll-ups.
-- The key leads with element and period so that a roll-up reads one contiguous range.
create table data_value (
  data_element_id uuid not null references data_element (id),
  period text not null,
  org_unit_id uuid not null references org_unit (id),
  period_type text not null,
  period_start date not null,
  period_end date not null,
  value text not null,
  value_num double precision,
  comment text,
  stored_by_user_id uuid references app_user (id),
  stored_by_api_key_id uuid references api_key (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (data_element_id, period, org_unit_id)
);
create index data_value_unit_idx on data_value (org_unit_id, period);

-- Old values: one row per update or delete of a data value (the current row says who created it and when).
create table data_value_history (
  id uuid primary key,
  data_element_id uuid not null,
  period text not null,
  org_unit_id uuid not null,
  change text not null check (change in ('create', 'update', 'delete')),
  previous_value text,
  previous_comment text,
  value text,
  comment text,
  changed_by_user_id uuid,
  changed_by_api_key_id uuid,
  changed_at timestamptz not null,
  import_id uuid
);
create index data_value_history_key_idx on data_value_history (data_element_id, org_unit_id, period);

-- DHIS2 complete registration: a unit declares a data set complete for a period (completeness, timeliness).
create table data_set_registration (
  data_set_id uuid not null references data_set (id),
  period text not null,
  org_unit_id uuid not null references org_unit (id),
  period_start date not null,
  period_end date not null,
  completed_at timestamptz not null,
  completed_by_user_id uuid references app_user (id),
  completed_by_api_key_id uuid references api_key (id),
  primary key (data_set_id, period, org_unit_id)
);
create index data_set_registration_unit_idx on data_set_registration (org_unit_id, period);

-- Left side against right side (DHIS2 validation rule), e.g. #{ONLINE_RECORDS} <= #{RECORDS}; a range is
-- a rule against a constant. Messages in both languages.
create table validation_rule (
  id uuid primary key,
  code text not null unique,
  name text not null,
  name_en text,
  left_side text not null,
  operator text not null check (operator in ('==', '!=', '>', '>=', '<', '<=')),
  right_side text not null,
  message text not null,
  message_en text,
  data_set_id uuid references data_set (id),
  importance text not null default 'medium' check (importance in ('low', 'medium', 'high')),
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index validation_rule_data_set_idx on validation_rule (data_set_id);
