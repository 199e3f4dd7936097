-- The application's database role in production (docs/SECURITY.md): run as the owner of the schema, after
-- the migrations, with the role name in place of pilotage_app. The application then connects as
-- pilotage_app: it reads and writes every table, but the audit trail is append-only for it (no UPDATE,
-- DELETE or TRUNCATE on audit_event and audit_seal), so a compromised application cannot rewrite history.
grant usage, create on schema public to pilotage_app;
grant select, insert, update, delete on all tables in schema public to pilotage_app;
revoke update, delete, truncate on audit_event, audit_seal from pilotage_app;
