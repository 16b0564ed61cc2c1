-- Where stats-service stands in reporting-service's change feed: the last seq it applied.
-- One row; it moves forward in the same transaction as the read-model change an event causes,
-- and every apply transaction locks it first (SELECT … FOR UPDATE), so two consumers never interleave.
CREATE TABLE feed_cursor (
    id          smallint    PRIMARY KEY CHECK (id = 1),
    last_seq    bigint      NOT NULL,
    -- reporting-service's newest seq as of the last page fetched (freshness = latest_seq - last_seq)
    latest_seq  bigint      NOT NULL DEFAULT 0,
    polled_at   timestamptz,
    -- bumped when a rebuild replaces the live tables, so that ETags change although the seq does not
    generation  integer     NOT NULL DEFAULT 0,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO feed_cursor (id, last_seq) VALUES (1, 0);
