-- Reports applied before V5 have no first_published_on: take it from the first version event of each report
-- in the event log (the same "first version seen" rule as the consumer). reporting-service only accepts ISO
-- dates for publishedOn, so the cast cannot fail on what the feed carries; anything else is left null.
UPDATE report r
SET first_published_on = (first.published)::date
FROM (
    SELECT DISTINCT ON (payload ->> 'agencyCode', (payload ->> 'year')::int)
           payload ->> 'agencyCode' AS agency_code, (payload ->> 'year')::int AS year,
           payload -> 'report' ->> 'publishedOn' AS published
    FROM feed_event
    WHERE type = 'report.version.created' AND payload ->> 'year' ~ '^[0-9]{4}$'
    ORDER BY payload ->> 'agencyCode', (payload ->> 'year')::int, seq
) first
WHERE r.agency_code = first.agency_code AND r.year = first.year
  AND r.first_published_on IS NULL
  AND first.published ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
