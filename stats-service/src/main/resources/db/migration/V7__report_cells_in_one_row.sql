-- A report's cells move into one row (report.cells, a jsonb object cell → value): a province of 55,000 reports
-- held 1.5 million report_cell rows, a country would hold a hundred million; one row per report is what a page of
-- events reads and writes, in one statement.
ALTER TABLE report ADD COLUMN cells jsonb NOT NULL DEFAULT '{}';
UPDATE report r
SET cells = c.cells
FROM (SELECT agency_code, year, jsonb_object_agg(cell, value) AS cells FROM report_cell GROUP BY agency_code, year) c
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
