-- Where stats-service stands in reporting-service's change feed: the last seq it applied.
-- One row; it moves forward in the same transaction as the read-model change an event causes.
CREATE TABLE feed_cursor (
    id         smallint    PRIMARY KEY CHECK (id = 1),
    last_seq   bigint      NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO feed_cursor (id, last_seq) VALUES (1, 0);
