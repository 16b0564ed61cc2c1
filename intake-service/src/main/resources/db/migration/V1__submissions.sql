-- Submissions accepted from municipal systems, and their delivery state.
CREATE TABLE submission (
    id               uuid        PRIMARY KEY,
    -- The client's Idempotency-Key, scoped to the submitter: the same key from two systems is two keys.
    idempotency_key  text,
    body_sha256      char(64)    NOT NULL,
    agency_code      char(18)    NOT NULL,
    year             integer     NOT NULL,
    source           text        NOT NULL CHECK (source IN ('api', 'text')),
    report           jsonb       NOT NULL,
    original_text    text,
    expected_version integer,
    submitted_by     text        NOT NULL,
    received_at      timestamptz NOT NULL,
    status           text        NOT NULL CHECK (status IN ('RECEIVED', 'DELIVERED', 'REJECTED')),
    -- Findings stored with the submission: warnings at acceptance, the refusal's findings when REJECTED.
    findings         jsonb       NOT NULL DEFAULT '[]',
    version          integer,
    unchanged        boolean,
    rejection        text,
    settled_at       timestamptz,
    UNIQUE (submitted_by, idempotency_key)
);
-- A submitter lists its own submissions, newest first.
CREATE INDEX submission_submitter_idx ON submission (submitted_by, received_at DESC);

-- The outbox: one row per submission still to deliver, written in the same transaction as the
-- submission and deleted in the same transaction as the delivery outcome is recorded.
CREATE TABLE outbox (
    submission_id    uuid        PRIMARY KEY REFERENCES submission (id),
    created_at       timestamptz NOT NULL,
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    last_error       text
);
-- The relay claims due entries oldest first.
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at, created_at);
