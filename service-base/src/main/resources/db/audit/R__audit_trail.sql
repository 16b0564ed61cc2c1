-- The audit trail of a service (service-base's AuditTrail): every write, who did it (token subject,
-- roles, jurisdiction claim), what, when and from where. Append-only: updates, deletes and truncation
-- are refused by triggers. A repeatable migration shipped by service-base and applied by every
-- service (quarkus.flyway.locations includes db/audit), so it exists once; every statement is idempotent.
CREATE TABLE IF NOT EXISTS audit_event (
    id                   bigserial   PRIMARY KEY,
    at                   timestamptz NOT NULL DEFAULT now(),
    subject              text        NOT NULL,
    roles                text        NOT NULL,
    caller_jurisdiction  text,
    action               text        NOT NULL,
    target_type          text        NOT NULL,
    target_key           text        NOT NULL,
    -- The jurisdiction the target belongs to, so that supervisors can read their subtree's events.
    target_jurisdiction  text,
    client_address       text,
    detail               jsonb
);
CREATE INDEX IF NOT EXISTS audit_event_subject_idx ON audit_event (subject, id DESC);

CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END
$$;
DROP TRIGGER IF EXISTS audit_event_no_update_or_delete ON audit_event;
CREATE TRIGGER audit_event_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
DROP TRIGGER IF EXISTS audit_event_no_truncate ON audit_event;
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
