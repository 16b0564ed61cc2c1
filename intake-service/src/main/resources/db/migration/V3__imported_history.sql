-- An admin's mark on a submission: history imported from the agency's publication (parameter importedHistory).
-- Delivered with the version to reporting-service, whose change feed carries it to stats (lateness by publishedOn).
ALTER TABLE submission ADD COLUMN imported_history boolean NOT NULL DEFAULT false;
