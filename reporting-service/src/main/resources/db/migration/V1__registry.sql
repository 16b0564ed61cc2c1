-- The registry: the GB/T 2260 division tree of the province and the agencies that must report.

CREATE TABLE jurisdiction (
    code        char(6)     PRIMARY KEY,
    name        text        NOT NULL,
    level       text        NOT NULL CHECK (level IN ('province', 'city', 'county')),
    parent      char(6)     REFERENCES jurisdiction (code),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (parent IS NULL OR parent <> code)
);
-- Subtree queries walk the tree downwards from a node.
CREATE INDEX jurisdiction_parent_idx ON jurisdiction (parent);

CREATE TABLE agency (
    code           char(18)    PRIMARY KEY,
    name           text        NOT NULL,
    kind           text        NOT NULL CHECK (kind IN ('government', 'department')),
    jurisdiction   char(6)     NOT NULL REFERENCES jurisdiction (code),
    reports_from   integer,
    reports_until  integer,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (reports_from IS NULL OR reports_until IS NULL OR reports_from <= reports_until)
);
CREATE INDEX agency_jurisdiction_idx ON agency (jurisdiction);
