-- The outbox in the order its entries were accepted, and each entry's report, so that the relay delivers the
-- versions of one report in the order they were submitted. Before this, the entries of one NDJSON chunk shared
-- one created_at: an original and its correction in one chunk could be claimed in either order (or by two relays
-- at once), and the correction delivered first made the original a second version without a reason (refused).
ALTER TABLE outbox
    ADD COLUMN seq         bigint GENERATED ALWAYS AS IDENTITY,
    ADD COLUMN agency_code text,
    ADD COLUMN year        integer;

UPDATE outbox o SET agency_code = s.agency_code, year = s.year FROM submission s WHERE s.id = o.submission_id;

ALTER TABLE outbox
    ALTER COLUMN agency_code SET NOT NULL,
    ALTER COLUMN year SET NOT NULL;

-- The relay claims due entries in acceptance order ...
DROP INDEX outbox_due_idx;
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at, seq);
-- ... and skips an entry while an earlier one of the same report is still pending.
CREATE INDEX outbox_report_idx ON outbox (agency_code, year, seq);
