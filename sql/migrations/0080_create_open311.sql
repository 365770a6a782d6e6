-- Open311 GeoReport v2: the clients an administrator issues API keys to, and what a client sent with each
-- request beyond the report itself. Every report records the channel it came in by.

ALTER TABLE reports ADD COLUMN channel text NOT NULL DEFAULT 'web'
  CHECK (channel ~ '^(web|app|hotline|open311:[a-z0-9][a-z0-9-]{0,39})$');
CREATE INDEX reports_channel ON reports (channel, created_at DESC);

CREATE TABLE open311_clients (
  id bigserial PRIMARY KEY,
  -- The slug names the channel (open311:<slug>), so it never changes once issued.
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  name text NOT NULL,
  contact text,
  -- Only a hash of the key is kept: the key is shown once, when it is issued.
  key_hash text NOT NULL UNIQUE,
  created_by bigint REFERENCES staff_users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

CREATE TABLE open311_requests (
  report_id bigint PRIMARY KEY REFERENCES reports (id),
  client_id bigint NOT NULL REFERENCES open311_clients (id),
  -- Answered beside service_request_id; GET tokens/{token} finds the request by it.
  token text NOT NULL UNIQUE,
  email text,
  device_id text,
  account_id text,
  media_url text
);

-- FixMyStreet's POST servicerequestupdates: a citizen's comment relayed by a client; staff read it, the status
-- is not changed by it (only the workflow moves a report).
CREATE TABLE open311_request_updates (
  id bigserial PRIMARY KEY,
  report_id bigint NOT NULL REFERENCES reports (id),
  client_id bigint NOT NULL REFERENCES open311_clients (id),
  client_update_id text NOT NULL,
  status text NOT NULL,
  description text NOT NULL,
  media_url text,
  author_name text,
  email text,
  updated_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (client_id, client_update_id)
);
CREATE INDEX open311_request_updates_report ON open311_request_updates (report_id, id);
