-- Staff accounts and their sessions. Passwords are scrypt hashes; sessions are stored as a hash of the cookie value.

CREATE TABLE staff_users (
  id bigserial PRIMARY KEY,
  username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._-]{3,64}$'),
  display_name text NOT NULL,
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('administrator', 'supervisor', 'dispatcher', 'agency_officer', 'field_officer', 'wall_viewer')),
  -- Agency officers and field officers act for one agency; field officers also for one unit (see 0007).
  agency_id text REFERENCES agencies (id),
  unit_id text,
  -- Seeded demo accounts carry a published password: production refuses to start while one is active.
  demo boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (role <> 'agency_officer' OR agency_id IS NOT NULL)
);

CREATE TABLE staff_sessions (
  token_hash text PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX staff_sessions_user ON staff_sessions (user_id);
