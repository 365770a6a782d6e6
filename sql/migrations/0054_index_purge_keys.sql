-- The citizen purge (ingest/citizen/purge.ts) asks which stored photo files a row still names, and drops
-- idempotency records past their window: both by index, not by scanning the tables every run.
CREATE INDEX report_photos_display_key ON report_photos (display_key);
CREATE INDEX report_photos_thumb_key ON report_photos (thumb_key);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
