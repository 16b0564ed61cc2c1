-- Codes and hashes as text with CHECKs of their format instead of char(n): char(n) pads and every read had to strip.
-- The formats are the ones the code checks before it writes: a 统一社会信用代码 (CreditCode: 18 characters of its
-- 31-letter alphabet), a GB/T 2260 division code (6 digits), a lower-case hex SHA-256.
ALTER TABLE submission
    ALTER COLUMN body_sha256 TYPE text,
    ALTER COLUMN agency_code TYPE text,
    ADD CONSTRAINT submission_body_sha256_format CHECK (body_sha256 ~ '^[0-9a-f]{64}$'),
    ADD CONSTRAINT submission_agency_code_format CHECK (agency_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$');

ALTER TABLE known_jurisdiction
    ALTER COLUMN code TYPE text,
    ALTER COLUMN parent TYPE text,
    ADD CONSTRAINT known_jurisdiction_code_format CHECK (code ~ '^[0-9]{6}$'),
    ADD CONSTRAINT known_jurisdiction_parent_format CHECK (parent ~ '^[0-9]{6}$');

ALTER TABLE known_agency
    ALTER COLUMN code TYPE text,
    ALTER COLUMN jurisdiction TYPE text,
    ADD CONSTRAINT known_agency_code_format CHECK (code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    ADD CONSTRAINT known_agency_jurisdiction_format CHECK (jurisdiction ~ '^[0-9]{6}$');
