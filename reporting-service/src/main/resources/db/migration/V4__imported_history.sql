-- History an admin imported and marked as such (intake's importedHistory), per version; the version's change
-- event carries it, and stats judges such a first version's lateness by its stated publishedOn.
ALTER TABLE report_version ADD COLUMN imported_history boolean NOT NULL DEFAULT false;
