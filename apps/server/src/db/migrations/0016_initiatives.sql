-- Initiative portal (issue 10, item 5): products and solutions proposed publicly, screened into a public
-- catalogue, evaluated by assigned experts against a versioned weighted rubric, decided (pilot, deploy,
-- reject) and linked to the tasks that carry the decision out. ADR 0018.

-- A rubric version: its criteria and weights never change once created (a new version is a new row), so a
-- score always names the exact criteria it was given against.
create table initiative_rubric (
  id uuid primary key,
  version integer not null unique check (version > 0),
  criteria jsonb not null,
  scale_max integer not null default 5 check (scale_max between 1 and 100),
  created_by uuid references app_user (id),
  created_at timestamptz not null default now()
);

create table initiative (
  id uuid primary key,
  code text not null unique,
  title text not null,
  kind text not null check (kind in ('product', 'solution')),
  domain text not null,
  trl integer not null check (trl between 1 and 9),
  description text not null,
  -- proposer: the name and contacts are personal data, never shown publicly
  proposer_name text not null,
  proposer_organisation text,
  proposer_type text not null check (proposer_type in ('citizen', 'business', 'scientist', 'organisation', 'agency')),
  proposer_email text,
  proposer_phone text,
  province_id uuid references org_unit (id),
  status text not null default 'submitted' check (status in ('submitted', 'catalogued', 'screened_out', 'under_evaluation', 'evaluated', 'decided')),
  screening_note text,
  rubric_id uuid references initiative_rubric (id),
  decision text check (decision in ('pilot', 'deploy', 'reject')),
  decision_note text,
  follow_up text,
  decided_by uuid references app_user (id),
  decided_at timestamptz,
  -- the proposer's secret (SHA-256) lets them attach files to their proposal without an account
  secret_hash text,
  -- per-address limit of public proposals: a SHA-256 of the address, never the address itself
  submitter_ip_hash text,
  search_key text not null,
  submitted_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'decided') = (decision is not null))
);
create index initiative_status_idx on initiative (status, submitted_at desc);
create index initiative_ip_idx on initiative (submitter_ip_hash, submitted_at);

create table initiative_attachment (
  id uuid primary key,
  initiative_id uuid not null references initiative (id),
  filename text not null,
  content_type text not null,
  size_bytes integer not null,
  sha256 text not null,
  content bytea not null,
  created_at timestamptz not null default now()
);
create index initiative_attachment_idx on initiative_attachment (initiative_id);

-- An expert assigned to an initiative: declares a conflict of interest (then never scores it) or none
-- (then scores every criterion of the initiative's rubric).
create table initiative_expert (
  initiative_id uuid not null references initiative (id),
  user_id uuid not null references app_user (id),
  assigned_by uuid references app_user (id),
  assigned_at timestamptz not null default now(),
  conflict text not null default 'undeclared' check (conflict in ('undeclared', 'none', 'declared')),
  conflict_reason text,
  declared_at timestamptz,
  scores jsonb,
  comment text,
  scored_at timestamptz,
  primary key (initiative_id, user_id),
  check (scores is null or conflict = 'none')
);
create index initiative_expert_user_idx on initiative_expert (user_id);

create table initiative_task (
  initiative_id uuid not null references initiative (id),
  task_id uuid not null references task (id),
  linked_by uuid references app_user (id),
  linked_at timestamptz not null default now(),
  primary key (initiative_id, task_id)
);

-- The first rubric version (steering adds later versions through the API).
insert into initiative_rubric (id, version, criteria, scale_max) values (
  '0192f0a0-0000-7000-8000-000000000001', 1,
  '[{"code":"novelty","weight":25,"name":"Tính mới, sáng tạo","nameEn":"Novelty"},{"code":"feasibility","weight":25,"name":"Tính khả thi","nameEn":"Feasibility"},{"code":"impact","weight":30,"name":"Hiệu quả, tác động","nameEn":"Impact"},{"code":"scalability","weight":20,"name":"Khả năng nhân rộng","nameEn":"Scalability"}]',
  5);

-- From reports to recommendations (issue 10, item 6): a difficulty or proposal of a progress report promoted
-- to a feedback item of kind recommendation (feedback_item.source_report_id names the first report); the
-- same recommendation cited by further reports is linked, not duplicated, so "most cited" is a count here.
create table report_recommendation (
  report_id uuid not null references progress_report (id),
  field text not null check (field in ('difficulties', 'proposals')),
  item_id uuid not null references feedback_item (id),
  promoted_by uuid references app_user (id),
  promoted_at timestamptz not null default now(),
  primary key (report_id, field)
);
create index report_recommendation_item_idx on report_recommendation (item_id);
