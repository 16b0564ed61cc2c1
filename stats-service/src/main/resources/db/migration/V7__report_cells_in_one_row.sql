-- A report's cells move into one row (report.cells): a province of 55,000 reports held 1.5 million report_cell rows,
-- a country would hold a hundred million; one row per report is what a page of events reads and writes, in one
-- statement. The cells are JSON text, {"cell": value, …} with the keys in order and values as the service prints them
-- (Java's ReadModelTables writes exactly this form, so a rebuild compares rows as text): text, not jsonb, because
-- parsing and compressing jsonb made writing a page several times slower; groupBy=agency casts it when it reads.
ALTER TABLE report ADD COLUMN cells text NOT NULL DEFAULT '{}';
UPDATE report r
SET cells = c.cells
FROM (SELECT agency_code, year,
             '{' || string_agg(to_json(cell)::text || ':' || value::text, ',' ORDER BY cell COLLATE "C") || '}' AS cells
      FROM report_cell GROUP BY agency_code, year) c
WHERE r.agency_code = c.agency_code AND r.year = c.year;
DROP TABLE report_cell;

-- Whether the first version is history imported by an admin and marked as such (its stated publishedOn then
-- counts however long before receipt it lies; see CompletenessRules). Versions applied before this were not marked.
ALTER TABLE report ADD COLUMN first_imported boolean NOT NULL DEFAULT false;

-- The deadline rules the completeness counters in rollup (#completeness.*) were computed with. At start the
-- service compares them with its configuration and recomputes the counters when they differ (or are absent, as
-- in a database migrated from before V7).
CREATE TABLE completeness_rules (
    id           smallint    PRIMARY KEY CHECK (id = 1),
    rules        text        NOT NULL,
    computed_at  timestamptz NOT NULL DEFAULT now()
);

-- The event log keeps each payload as the text it came as: it is only ever read back whole by a rebuild, and
-- storing it as jsonb (parse, binary form, pglz) was most of what applying an event cost PostgreSQL.
ALTER TABLE feed_event ALTER COLUMN payload TYPE text USING payload::text;

-- lz4 compresses the long values (payloads, cells) several times faster than the default pglz; a server built
-- without lz4 keeps pglz.
DO $$
BEGIN
    ALTER TABLE feed_event ALTER COLUMN payload SET COMPRESSION lz4;
    ALTER TABLE report ALTER COLUMN cells SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
    RAISE NOTICE 'lz4 is not available: the default compression stays';
END
$$;
