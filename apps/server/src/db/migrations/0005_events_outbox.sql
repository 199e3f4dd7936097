-- Domain events and the mail outbox (ADR 0008).
-- A workflow records a typed event in the SAME transaction as its change; a dispatcher claims pending events
-- (FOR UPDATE SKIP LOCKED, lease by claimed_at) and turns them into notifications and outbox e-mails.
-- dedupe_key (when set) makes recording the same fact twice a no-op (reminders: `overdue:<assignment>:<deadline>`).

create table domain_event (
  id uuid primary key,
  type text not null,
  payload jsonb not null,
  subject_type text,
  subject_id uuid,
  actor_user_id uuid,
  dedupe_key text unique,
  occurred_at timestamptz not null,
  attempts integer not null default 0,
  claimed_at timestamptz,
  claim_token uuid,
  processed_at timestamptz,
  last_error text
);
create index domain_event_pending_idx on domain_event (id) where processed_at is null;
create index domain_event_subject_idx on domain_event (subject_type, subject_id);

-- One row per e-mail to one address. Marked sent only after the transport accepted it; a failure sets
-- next_attempt_at by exponential back-off; a claimed row whose claim is older than the lease is claimed again.
create table mail_outbox (
  id uuid primary key,
  dedupe_key text not null unique,
  event_id uuid references domain_event (id),
  notification_id uuid references notification (id),
  recipient_user_id uuid references app_user (id),
  to_address text not null,
  subject text not null,
  body text not null,
  created_at timestamptz not null,
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  claimed_at timestamptz,
  claim_token uuid,
  sent_at timestamptz,
  failed_at timestamptz,
  last_error text
);
create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where sent_at is null and failed_at is null;

-- Notifications name their subject (assignment, report, later feedback items) and a recipient: a unit (its
-- users filtered by role) or one user. Existing rows keep unit_id; their subject is derived from the old columns.
alter table notification add column subject_type text;
alter table notification add column subject_id uuid;
alter table notification add column event_id uuid references domain_event (id);
update notification set subject_type = 'report', subject_id = report_id where report_id is not null;
update notification set subject_type = 'assignment', subject_id = assignment_id where report_id is null and assignment_id is not null;
alter table notification alter column unit_id drop not null;
alter table notification add constraint notification_recipient_ck check (unit_id is not null or user_id is not null);
create index notification_user_idx on notification (user_id, created_at) where user_id is not null;
