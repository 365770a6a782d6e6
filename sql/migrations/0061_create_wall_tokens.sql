-- Named, revocable kiosk tokens for wall displays, created by an administrator and stored only as a hash. They
-- replace the random token printed at each start: a wall keeps its access across restarts and loses it at once
-- when revoked. `config` is the wall's own settings (scenes to cycle, pinned scene), kept on the server.
CREATE TABLE wall_tokens (
  id bigserial PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  token_hash text NOT NULL UNIQUE,
  demo boolean NOT NULL DEFAULT false,
  config jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by bigint REFERENCES staff_users (id),
  revoked_at timestamptz,
  revoked_by bigint REFERENCES staff_users (id)
);
