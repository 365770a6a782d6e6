-- A unit phone's tokens, issued and revoked by an administrator: random, stored only as a hash, several per unit
-- (a spare phone), each dated. The single units.token_hash column held the seeded demo tokens only; they move here
-- marked demo, so a production server can refuse them whatever the database was seeded with.

CREATE TABLE unit_tokens (
  id bigserial PRIMARY KEY,
  unit_id text NOT NULL REFERENCES units (id),
  token_hash text NOT NULL UNIQUE,
  label text NOT NULL DEFAULT '' CHECK (length(label) <= 200),
  demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by bigint REFERENCES staff_users (id),
  revoked_at timestamptz,
  revoked_by bigint REFERENCES staff_users (id)
);
CREATE INDEX unit_tokens_unit ON unit_tokens (unit_id, created_at DESC);

INSERT INTO unit_tokens (unit_id, token_hash, label, demo)
SELECT id, token_hash, 'demo', true FROM units WHERE token_hash IS NOT NULL;

ALTER TABLE units DROP COLUMN token_hash;
