-- Foundation: organisation, identity, sessions, API keys, audit trail.
-- Keys are app-generated UUIDv7; no sequences, no triggers.

create table org_unit (
  id uuid primary key,
  code text not null,
  name text not null,
  name_en text,
  kind text not null check (kind in ('national', 'central_body', 'ministry', 'province', 'commune')),
  parent_id uuid references org_unit (id),
  valid_from date not null,
  valid_to date,
  search_key text not null,
  sort_order integer not null default 0,
  created_at timestamptz not null default now(),
  check (valid_to is null or valid_to > valid_from)
);
create unique index org_unit_code_valid_from_key on org_unit (code, valid_from);
create index org_unit_parent_idx on org_unit (parent_id);
create index org_unit_kind_idx on org_unit (kind, sort_order);

-- Closure table: one row per (ancestor, descendant) pair, including (unit, unit) at depth 0.
create table org_unit_closure (
  ancestor_id uuid not null references org_unit (id),
  descendant_id uuid not null references org_unit (id),
  depth integer not null,
  primary key (ancestor_id, descendant_id)
);
create index org_unit_closure_descendant_idx on org_unit_closure (descendant_id, depth);

create table app_user (
  id uuid primary key,
  username text not null unique,
  display_name text not null,
  email text,
  org_unit_id uuid not null references org_unit (id),
  roles text[] not null,
  password_hash text,
  active boolean not null default true,
  search_key text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index app_user_org_unit_idx on app_user (org_unit_id);

create table session (
  id_hash text primary key,
  user_id uuid not null references app_user (id),
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_seen_at timestamptz not null,
  ip text,
  user_agent text
);
create index session_user_idx on session (user_id);

create table login_attempt (
  id uuid primary key,
  username text not null,
  ip text not null,
  succeeded boolean not null,
  at timestamptz not null
);
create index login_attempt_username_idx on login_attempt (username, at);
create index login_attempt_ip_idx on login_attempt (ip, at);

create table api_key (
  id uuid primary key,
  org_unit_id uuid not null references org_unit (id),
  name text not null,
  prefix text not null,
  secret_hash text not null unique,
  roles text[] not null,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  last_used_at timestamptz
);
create index api_key_org_unit_idx on api_key (org_unit_id);

-- Append-only, hash-chained audit trail. seq is assigned by the application under the chain-head lock.
create table audit_event (
  id uuid primary key,
  seq bigint not null unique,
  occurred_at timestamptz not null,
  actor_user_id uuid,
  actor_name text,
  actor_unit_id uuid,
  action text not null,
  entity_type text not null,
  entity_id text,
  before jsonb,
  after jsonb,
  request_id text,
  prev_hash text not null,
  hash text not null
);
create index audit_event_entity_idx on audit_event (entity_type, entity_id);
create index audit_event_occurred_idx on audit_event (occurred_at);
create index audit_event_actor_unit_idx on audit_event (actor_unit_id);

create table audit_chain_head (
  id integer primary key check (id = 1),
  seq bigint not null,
  hash text not null
);
insert into audit_chain_head (id, seq, hash) values (1, 0, 'genesis');
