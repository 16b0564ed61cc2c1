-- The report as its agency published it (PDF, HTML, Markdown, text), kept with the submission exactly as received,
-- delivered with the version and kept by reporting-service beside it (report_originals). JSON submissions have none.
ALTER TABLE submission
    ADD COLUMN original_bytes      bytea,
    ADD COLUMN original_media_type text,
    ADD COLUMN original_sha256     text,
    -- all three or none: an original is never stored without its type and hash
    ADD CONSTRAINT submission_original_complete CHECK (
        (original_bytes IS NULL AND original_media_type IS NULL AND original_sha256 IS NULL)
        OR (original_bytes IS NOT NULL AND original_media_type IS NOT NULL AND original_sha256 IS NOT NULL));
