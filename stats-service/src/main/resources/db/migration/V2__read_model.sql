-- The read model: the registry as the feed describes it, the latest version of every report as cells,
-- and rollups per (jurisdiction node, year, cell). No foreign keys: events may reference a node or
-- an agency before its own event arrives, and the consumer must still apply them (see README).

CREATE TABLE jurisdiction (
    code    text PRIMARY KEY,
    name    text NOT NULL,
    level   text,
    parent  text
);
-- children of a node (groupBy=child) and subtree walks
CREATE INDEX jurisdiction_parent_idx ON jurisdiction (parent);

CREATE TABLE agency (
    code           text PRIMARY KEY,
    -- null name/kind/jurisdiction: a placeholder for an agency whose report came before its registry event
    name           text,
    kind           text,
    jurisdiction   text,
    reports_from   integer,
    reports_until  integer
);
CREATE INDEX agency_jurisdiction_idx ON agency (jurisdiction);

-- The latest version of each report (agency, year); approval state; lateness is judged by first_submitted_at.
CREATE TABLE report (
    agency_code         text        NOT NULL,
    year                integer     NOT NULL,
    version             integer     NOT NULL,
    edition             text        NOT NULL,
    source              text,
    first_submitted_at  timestamptz NOT NULL,
    submitted_at        timestamptz NOT NULL,
    status              text        NOT NULL DEFAULT 'open',
    approved_version    integer,
    PRIMARY KEY (agency_code, year)
);
-- completeness and quality list reports of one year
CREATE INDEX report_year_idx ON report (year);

-- Cells of the latest version, normalised: one row per stated (non-blank) number. Besides the form's
-- cells (applications.granted.total …) a report contributes counters whose keys start with '#':
-- '#reports' = 1, '#edition.2021' = 1, '#withFindings' = 1 if it has findings, '#rule.APP-BALANCE' = 1 per
-- rule it breaks. Rollups sum them like any cell, so quality counts are rollups too.
CREATE TABLE report_cell (
    agency_code  text    NOT NULL,
    year         integer NOT NULL,
    cell         text    NOT NULL,
    value        numeric NOT NULL,
    PRIMARY KEY (agency_code, year, cell)
);

CREATE TABLE report_finding (
    agency_code  text    NOT NULL,
    year         integer NOT NULL,
    ordinal      integer NOT NULL,
    rule         text    NOT NULL,
    severity     text    NOT NULL,
    cells        jsonb   NOT NULL,
    message      text,
    PRIMARY KEY (agency_code, year, ordinal)
);

-- Sum of each cell over the reports of every agency in the node's subtree (the node itself included).
-- A query reads (nodes × years × cells) rows from here, whatever the number of agencies.
CREATE TABLE rollup (
    node   text    NOT NULL,
    year   integer NOT NULL,
    cell   text    NOT NULL,
    value  numeric NOT NULL,
    PRIMARY KEY (node, year, cell)
);
