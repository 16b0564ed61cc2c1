-- The change feed: one row per registry change, new report version and approval, inserted in the
-- same transaction as the change. Writers take a transaction-scoped advisory lock just before
-- inserting here (see ChangeFeed), so seq order equals commit order and a reader that remembers
-- the last seq it applied can never skip a row that commits later with a smaller seq.
CREATE TABLE change_event (
    seq          bigserial   PRIMARY KEY,
    type         text        NOT NULL,
    key          text        NOT NULL,
    payload      jsonb       NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now()
);
