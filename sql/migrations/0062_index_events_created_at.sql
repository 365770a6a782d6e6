-- Replay reads the event log by time (GET /api/v1/events?from&to): an index on when each event was written.
CREATE INDEX events_created_at ON events (created_at, id);
