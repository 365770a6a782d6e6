-- Staff invites: an administrator creates the account with no password and hands over a one-time link; the
-- invitee sets the password. Only the token's hash is stored; a used or expired invite opens nothing.
ALTER TABLE staff_users ALTER COLUMN password_hash DROP NOT NULL;

CREATE TABLE staff_invites (
  token_hash text PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
  created_by bigint REFERENCES staff_users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX staff_invites_user ON staff_invites (user_id);
