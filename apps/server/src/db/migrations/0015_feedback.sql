-- Feedback, recommendations and innovative solutions (issue 10): public intake without an account, routing to
-- a responsible unit, a workflow on a working-day clock, answers approved by a unit lead and published with the
-- submitter's consent, ratings, Open311.
--
-- Personal data (contact name, e-mail, phone, citizen ID) is never stored in clear: `contact_enc` holds the
-- AES-256-GCM ciphertext of a JSON object, `contact_key_id` the id of the key that sealed it (docs/SECURITY.md,
-- key rotation). After the retention period of a closed item it is set to null (`personal_data_purged_at`).

create table feedback_topic (
  id uuid primary key,
  code text not null unique,
  name text not null,
  name_en text,
  -- the task category this topic belongs to (statistics and initiatives group by it)
  category text,
  active boolean not null default true,
  sort_order integer not null default 0,
  search_key text not null,
  created_at timestamptz not null default now()
);

-- Handling time in working days per kind and topic; a row with a null topic is the kind's default.
create table feedback_deadline_rule (
  id uuid primary key,
  kind text not null check (kind in ('difficulty', 'recommendation', 'innovation')),
  topic_id uuid references feedback_topic (id),
  working_days integer not null check (working_days between 1 and 365),
  created_at timestamptz not null default now(),
  unique nulls not distinct (kind, topic_id)
);

-- Routing: topic × place → responsible unit. The most specific matching rule wins (commune over province over
-- none; a topic over any topic); `priority` breaks ties. No match: the triage unit (the steering office).
create table feedback_routing_rule (
  id uuid primary key,
  topic_id uuid references feedback_topic (id),
  place_unit_id uuid references org_unit (id),
  unit_id uuid not null references org_unit (id),
  priority integer not null default 0,
  active boolean not null default true,
  created_by uuid,
  created_at timestamptz not null default now()
);
create index feedback_routing_rule_topic_idx on feedback_routing_rule (topic_id);

create table feedback_item (
  id uuid primary key,
  tracking_code text not null unique,
  -- SHA-256 (hex) of the secret given to the submitter; the secret itself is never stored
  secret_hash text not null,
  kind text not null check (kind in ('difficulty', 'recommendation', 'innovation')),
  topic_id uuid not null references feedback_topic (id),
  title text not null,
  content text not null,
  lang text not null default 'vi' check (lang in ('vi', 'en')),
  submitter_type text not null check (submitter_type in ('citizen', 'business', 'scientist', 'organisation', 'agency')),
  source text not null default 'web' check (source in ('web', 'open311', 'report', 'demo')),
  -- a difficulty promoted from a task progress report (issue 10 item 6)
  source_report_id uuid references progress_report (id),
  province_unit_id uuid references org_unit (id),
  commune_unit_id uuid references org_unit (id),
  programme_id uuid references programme (id),
  task_id uuid references task (id),
  lat double precision,
  long double precision,
  address_string text,
  consent_to_publish boolean not null default false,
  contact_enc text,
  contact_key_id text,
  has_email boolean not null default false,
  personal_data_purged_at timestamptz,
  status text not null check (status in ('received', 'accepted', 'processing', 'info_requested', 'answered', 'closed', 'rejected', 'merged')),
  reject_reason text check (reject_reason in ('duplicate', 'out_of_scope', 'insufficient_information')),
  merged_into_id uuid references feedback_item (id),
  -- the responsible unit (the triage unit until routed); handlers see items routed to their subtree
  unit_id uuid not null references org_unit (id),
  submitted_at timestamptz not null,
  -- the clock: the deadline in working days from submission, moved later by every pause
  deadline_working_days integer not null,
  due_at timestamptz not null,
  paused_at timestamptz,
  paused_working_days integer not null default 0,
  accepted_at timestamptz,
  answered_at timestamptz,
  closed_at timestamptz,
  reopened_count integer not null default 0,
  reminded_at timestamptz,
  escalated_at timestamptz,
  search_key text not null,
  -- folded, normalised text of title + content for the similarity measure (similarity.ts)
  similarity_key text not null,
  updated_at timestamptz not null,
  created_at timestamptz not null default now()
);
create index feedback_item_unit_status_idx on feedback_item (unit_id, status);
create index feedback_item_status_due_idx on feedback_item (status, due_at);
create index feedback_item_topic_idx on feedback_item (topic_id);
create index feedback_item_submitted_idx on feedback_item (submitted_at);
create index feedback_item_merged_idx on feedback_item (merged_into_id) where merged_into_id is not null;
create index feedback_item_purge_idx on feedback_item (closed_at) where contact_enc is not null;

-- Units asked to contribute to an item (besides the responsible one).
create table feedback_contributor (
  item_id uuid not null references feedback_item (id),
  unit_id uuid not null references org_unit (id),
  reason text,
  requested_by uuid,
  requested_at timestamptz not null,
  contribution text,
  contributed_by uuid,
  contributed_at timestamptz,
  primary key (item_id, unit_id)
);
create index feedback_contributor_unit_idx on feedback_contributor (unit_id);

-- Every step of an item, timestamped. `public` steps appear in the tracking history (without names);
-- `message` is the public text of the step (the question of an info request, the submitter's reply, a reason).
create table feedback_step (
  id uuid primary key,
  item_id uuid not null references feedback_item (id),
  at timestamptz not null,
  action text not null,
  from_status text,
  to_status text,
  actor_user_id uuid,
  from_unit_id uuid references org_unit (id),
  to_unit_id uuid references org_unit (id),
  reason text,
  message text,
  public boolean not null default true
);
create index feedback_step_item_idx on feedback_step (item_id, at);

-- Internal notes: handlers only, never on the tracking page.
create table feedback_note (
  id uuid primary key,
  item_id uuid not null references feedback_item (id),
  unit_id uuid not null references org_unit (id),
  author_user_id uuid not null,
  body text not null,
  created_at timestamptz not null
);
create index feedback_note_item_idx on feedback_note (item_id, created_at);

-- The answer: drafted by a handler, approved by a lead of the responsible unit, then visible to the submitter;
-- published in the public answers only when the submitter consented (`published_at`).
create table feedback_answer (
  id uuid primary key,
  item_id uuid not null references feedback_item (id),
  unit_id uuid not null references org_unit (id),
  body text not null,
  -- the question as it is published (written by the handler, without personal data)
  public_title text,
  status text not null check (status in ('draft', 'pending_approval', 'approved', 'returned', 'superseded')),
  author_user_id uuid not null,
  approved_by uuid,
  approved_at timestamptz,
  return_reason text,
  published_at timestamptz,
  search_key text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index feedback_answer_item_idx on feedback_answer (item_id);
create index feedback_answer_published_idx on feedback_answer (published_at) where published_at is not null;
create unique index feedback_answer_open_uk on feedback_answer (item_id) where status in ('draft', 'pending_approval', 'returned');

create table feedback_rating (
  id uuid primary key,
  item_id uuid not null references feedback_item (id),
  answer_id uuid references feedback_answer (id),
  score integer not null check (score between 1 and 5),
  comment text,
  rated_at timestamptz not null,
  unique (item_id, answer_id)
);

-- Evidence files (type checked by content, size and count limits before anything is stored).
create table feedback_attachment (
  id uuid primary key,
  item_id uuid not null references feedback_item (id),
  filename text not null,
  content_type text not null,
  size_bytes integer not null,
  sha256 text not null,
  content bytea not null,
  created_at timestamptz not null
);
create index feedback_attachment_item_idx on feedback_attachment (item_id);

-- A merged duplicate's submitter follows the survivor (notifications, tracking page).
create table feedback_follower (
  item_id uuid not null references feedback_item (id),
  follower_item_id uuid not null references feedback_item (id),
  created_at timestamptz not null,
  primary key (item_id, follower_item_id)
);

-- Announced exceptions to the working calendar (swapped working days, extra days off), per date.
create table working_calendar_exception (
  day date primary key,
  is_working boolean not null,
  note text not null,
  created_by uuid,
  created_at timestamptz not null default now()
);

-- Per-key counters of the public intake (per IP address and for the whole intake), fixed windows, in the
-- database so that every instance counts the same (one upsert, no session state: PgBouncer-safe).
create table public_rate_counter (
  key text not null,
  window_start timestamptz not null,
  hits integer not null,
  primary key (key, window_start)
);
create index public_rate_counter_window_idx on public_rate_counter (window_start);

-- Proof-of-work challenges already redeemed (a solution is accepted once).
create table pow_redeemed (
  challenge text primary key,
  expires_at timestamptz not null
);
create index pow_redeemed_expires_idx on pow_redeemed (expires_at);
