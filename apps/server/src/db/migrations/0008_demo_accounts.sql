-- Demo hygiene (issue 6, item 7): demo accounts are marked, so that they are created only on an empty
-- database, never re-created once a real user exists, and can be removed by an administrator in one action.
alter table app_user add column is_demo boolean not null default false;
