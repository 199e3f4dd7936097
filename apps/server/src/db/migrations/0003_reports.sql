-- Reports, commitments, notifications: per-user read receipts of unit-addressed notifications.
-- A notification is addressed to a unit (every current and future user of the unit sees it, filtered by
-- role); each user marks it read for themselves.

create table notification_read (
  notification_id uuid not null references notification (id),
  user_id uuid not null references app_user (id),
  read_at timestamptz not null,
  primary key (notification_id, user_id)
);
create index notification_read_user_idx on notification_read (user_id);

create index notification_assignment_idx on notification (assignment_id);
create index commitment_item_assignment_idx on commitment_item (assignment_id);
create index idempotency_key_created_idx on idempotency_key (created_at);
