-- Codes and hashes as text with CHECKs of their format instead of char(n): char(n) pads and every read had to strip.
-- The formats are the ones the registry and the deliveries check before they write (RegistryRules: DivisionCode,
-- 6 digits, and CreditCode, 18 characters of its 31-letter alphabet; SHA-256 as lower-case hex). The foreign keys
-- between the changed columns are dropped and made again over the new type.
ALTER TABLE report_originals DROP CONSTRAINT report_originals_agency_code_year_fkey;
ALTER TABLE report DROP CONSTRAINT report_agency_code_fkey;
ALTER TABLE agency DROP CONSTRAINT agency_jurisdiction_fkey;
ALTER TABLE jurisdiction DROP CONSTRAINT jurisdiction_parent_fkey;

ALTER TABLE jurisdiction
    ALTER COLUMN code TYPE text,
    ALTER COLUMN parent TYPE text,
    ADD CONSTRAINT jurisdiction_code_format CHECK (code ~ '^[0-9]{6}$'),
    ADD CONSTRAINT jurisdiction_parent_fkey FOREIGN KEY (parent) REFERENCES jurisdiction (code);

ALTER TABLE agency
    ALTER COLUMN code TYPE text,
    ALTER COLUMN jurisdiction TYPE text,
    ADD CONSTRAINT agency_code_format CHECK (code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    ADD CONSTRAINT agency_jurisdiction_fkey FOREIGN KEY (jurisdiction) REFERENCES jurisdiction (code);

ALTER TABLE report
    ALTER COLUMN agency_code TYPE text,
    ADD CONSTRAINT report_agency_code_fkey FOREIGN KEY (agency_code) REFERENCES agency (code);

ALTER TABLE report_version
    ALTER COLUMN content_sha256 TYPE text,
    ADD CONSTRAINT report_version_content_sha256_format CHECK (content_sha256 ~ '^[0-9a-f]{64}$');

ALTER TABLE report_originals
    ALTER COLUMN agency_code TYPE text,
    ALTER COLUMN sha256 TYPE text,
    ADD CONSTRAINT report_originals_sha256_format CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    ADD CONSTRAINT report_originals_agency_code_year_fkey
        FOREIGN KEY (agency_code, year) REFERENCES report (agency_code, year);
