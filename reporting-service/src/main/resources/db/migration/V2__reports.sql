-- Reports are append-only: one logical report per (agency, year), immutable numbered versions.

CREATE TABLE report (
    id               bigserial   PRIMARY KEY,
    agency_code      char(18)    NOT NULL REFERENCES agency (code),
    year             integer     NOT NULL,
    latest_version   integer     NOT NULL,
    status           text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'approved')),
    error_count      integer     NOT NULL DEFAULT 0,
    warning_count    integer     NOT NULL DEFAULT 0,
    first_submitted_at timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    UNIQUE (agency_code, year)
);
-- Listings filter by year and status within a set of agencies.
CREATE INDEX report_year_status_idx ON report (year, status);

CREATE TABLE report_version (
    report_id          bigint      NOT NULL REFERENCES report (id),
    number             integer     NOT NULL CHECK (number >= 1),
    edition            text        NOT NULL,
    content            jsonb       NOT NULL,
    content_sha256     char(64)    NOT NULL,
    source             text        NOT NULL CHECK (source IN ('api', 'text')),
    original_text      text,
    submitted_by       text        NOT NULL,
    submitted_at       timestamptz NOT NULL,
    correction_reason  text,
    findings           jsonb       NOT NULL,
    PRIMARY KEY (report_id, number),
    -- A correction always says why.
    CHECK (number = 1 OR correction_reason IS NOT NULL)
);

-- Every delivery from intake, keyed by its delivery key, so that a replay gets the same answer
-- (the same version, or "unchanged") and never a second version.
CREATE TABLE delivery (
    delivery_key   text        PRIMARY KEY,
    report_id      bigint      NOT NULL REFERENCES report (id),
    version        integer     NOT NULL,
    unchanged      boolean     NOT NULL,
    received_at    timestamptz NOT NULL DEFAULT now()
);

-- Approval and reopening, each with who, when and why; the report row holds the current status.
CREATE TABLE approval_event (
    id          bigserial   PRIMARY KEY,
    report_id   bigint      NOT NULL REFERENCES report (id),
    action      text        NOT NULL CHECK (action IN ('approved', 'reopened')),
    version     integer     NOT NULL,
    actor       text        NOT NULL,
    reason      text,
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX approval_event_report_idx ON approval_event (report_id);
