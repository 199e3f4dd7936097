-- Audit chain without a global lock (ADR 0009) and identity hardening (issue 7).
--
-- Audit: an event is appended with the hash of its own content, in the mutation's transaction, without
-- touching the chain head; it waits in audit_pending until the sealer links it into the chain (audit_seal:
-- seq, previous hash, link hash) under the chain-head row lock, which only the sealing transaction takes.
-- audit_event and audit_seal are insert-only (the application never updates or deletes them).

create table audit_seal (
  seq bigint primary key,
  event_id uuid not null unique references audit_event (id),
  prev_hash text not null,
  hash text not null,
  sealed_at timestamptz not null default now()
);
insert into audit_seal (seq, event_id, prev_hash, hash, sealed_at) select seq, id, prev_hash, hash, occurred_at from audit_event;

create table audit_pending (
  event_id uuid primary key references audit_event (id)
);

-- content_hash is null only for events chained before this migration (verified by the v1 rule).
alter table audit_event add column content_hash text;
alter table audit_event drop column seq;
alter table audit_event drop column prev_hash;
alter table audit_event drop column hash;

-- Append-only for everyone but the owner; in production the application connects as a role that is not the
-- owner and gets SELECT, INSERT only on these tables (docs/SECURITY.md).
revoke update, delete, truncate on audit_event from public;
revoke update, delete, truncate on audit_seal from public;

-- Passwords: change at next login after an administrator's reset.
alter table app_user add column must_change_password boolean not null default false;
alter table app_user add column password_changed_at timestamptz;

-- API keys expire (existing keys: one year after creation).
alter table api_key add column expires_at timestamptz;
update api_key set expires_at = created_at + interval '365 days';
alter table api_key alter column expires_at set not null;

-- Login throttling: one counter row per account × address and per address, incremented atomically.
create table login_throttle (
  key text primary key,
  failures integer not null,
  window_start timestamptz not null,
  blocked_until timestamptz
);
create index login_throttle_window_idx on login_throttle (window_start);
create index session_expires_idx on session (expires_at);
create index login_attempt_at_idx on login_attempt (at);
