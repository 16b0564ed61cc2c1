-- The date printed at the end of the first version (REPORT-FORMAT.md `publishedOn`): what an agency must
-- meet is a publication deadline, so lateness is judged by it when the report states one (see Deadlines).
ALTER TABLE report ADD COLUMN first_published_on date;
