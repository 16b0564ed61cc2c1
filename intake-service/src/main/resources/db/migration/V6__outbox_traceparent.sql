-- The W3C traceparent of the request that got the submission's 202 (null with tracing off): the relay's delivery
-- span continues that trace, so that one trace follows a submission from intake to reporting and stats.
-- (V5 is left to another change under way; numbers are never reused.)
ALTER TABLE outbox ADD COLUMN traceparent text;
