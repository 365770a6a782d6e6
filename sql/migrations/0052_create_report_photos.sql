-- Photos a citizen attaches to a report: only processed copies (metadata stripped) are kept, never the original.
-- Private until a moderator approves each one for the public.
CREATE TABLE report_photos (
  -- Random, so photo URLs cannot be walked.
  id text PRIMARY KEY CHECK (id ~ '^[0-9a-z]{16,32}$'),
  report_id bigint NOT NULL REFERENCES reports (id),
  position smallint NOT NULL,
  -- Content addresses (SHA-256 hex) of the two stored copies in the media store.
  display_key text NOT NULL,
  thumb_key text NOT NULL,
  content_type text NOT NULL,
  width int NOT NULL,
  height int NOT NULL,
  moderation text NOT NULL DEFAULT 'pending' CHECK (moderation IN ('pending', 'approved', 'rejected')),
  moderation_reason text,
  moderated_by bigint REFERENCES staff_users (id),
  moderated_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (report_id, position)
);
