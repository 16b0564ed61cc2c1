-- Every event the consumer applied, stored in the same transaction as its effect: a rebuild can
-- replay the read model from here without reporting-service (POST /api/v1/stats/rebuild?source=log).
CREATE TABLE feed_event (
    seq          bigint      PRIMARY KEY,
    type         text        NOT NULL,
    key          text        NOT NULL,
    recorded_at  timestamptz,
    payload      jsonb       NOT NULL,
    applied_at   timestamptz NOT NULL DEFAULT now()
);
