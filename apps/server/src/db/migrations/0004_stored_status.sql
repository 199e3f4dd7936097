-- Stored status (ADR 0010): each assignment keeps its status as of `status_on` (a Vietnamese calendar date),
-- computed by the status engine, valid until `status_recheck_on` (the first date on which time alone may
-- change it; null = never without new facts). Writes that change facts recompute it in their transaction;
-- the status job recomputes rows whose recheck date has come. Reads "as of today" filter, sort, page and
-- aggregate these columns in SQL.
alter table assignment add column status text not null default 'not_started' check (status in ('done_on_time', 'done_late', 'in_progress', 'overdue', 'not_started'));
alter table assignment add column at_risk boolean not null default false;
alter table assignment add column status_progress integer not null default 0;
alter table assignment add column effective_deadline date;
alter table assignment add column deadline_used text not null default 'none' check (deadline_used in ('original', 'extended', 'none'));
alter table assignment add column judged_period text;
alter table assignment add column status_on date;
-- new rows are due for computation at once (the job or the writing service fills them in)
alter table assignment add column status_recheck_on date default '2000-01-01';
create index assignment_recheck_idx on assignment (status_recheck_on) where status_recheck_on is not null;
create index assignment_task_status_idx on assignment (task_id, status);
create index assignment_unit_status_idx on assignment (unit_id, status);
-- carriers of a subtree scope: cascades into it from the units above it
create index assignment_by_unit_idx on assignment (assigned_by_unit_id, unit_id);
-- status-filtered lists are ordered by effective deadline (most overdue first): an index walk with LIMIT
create index assignment_status_deadline_idx on assignment (status, effective_deadline, id);
-- national roll-ups read only the root assignments (those assigned directly) of a programme's tasks
create index assignment_root_task_idx on assignment (task_id) where parent_assignment_id is null;
create index progress_report_assignment_idx on progress_report (assignment_id, status);
-- review queues walk the reviewing unit's assignments into their waiting reports; a status-only index made
-- PostgreSQL read every waiting report of the country first
drop index progress_report_status_idx;
create index progress_report_pending_idx on progress_report (assignment_id, updated_at) where status in ('submitted', 'pending_approval');
