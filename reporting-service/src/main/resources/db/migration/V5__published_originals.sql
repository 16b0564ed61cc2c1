-- The document as its agency published it (PDF, HTML, Markdown, text), kept beside the version it was read into,
-- written in the same transaction as that version and, like it, never changed. Versions delivered as JSON have none.
CREATE TABLE report_originals (
    agency_code  char(18) NOT NULL,
    year         integer  NOT NULL,
    version      integer  NOT NULL CHECK (version >= 1),
    media_type   text     NOT NULL,
    -- lower-case hex SHA-256 of bytes, checked on delivery; the ETag of GET …/versions/{n}/original
    sha256       char(64) NOT NULL,
    bytes        bytea    NOT NULL,
    PRIMARY KEY (agency_code, year, version),
    FOREIGN KEY (agency_code, year) REFERENCES report (agency_code, year)
);
