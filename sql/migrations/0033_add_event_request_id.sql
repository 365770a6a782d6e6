-- The HTTP request that wrote an event (its X-Request-Id), so the feed's log lines can be tied to the access log.
-- Nullable and without a default: adding it rewrites nothing, and events written outside a request carry none.
ALTER TABLE events ADD COLUMN request_id text;
