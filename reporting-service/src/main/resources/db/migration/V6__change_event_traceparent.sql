-- The W3C traceparent of the span that wrote the event (the delivery of a version, an approval, a registry change;
-- null with tracing off or for events written before): stats-service's apply span continues that trace.
ALTER TABLE change_event ADD COLUMN traceparent text;
