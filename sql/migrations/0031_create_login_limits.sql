-- Sign-in attempt and failure counters, shared by every server on this database (rate-limiter-flexible's
-- Postgres store: one atomic upsert per count, so parallel guesses cannot all slip under the limit).
CREATE TABLE login_limits (
  key varchar(255) PRIMARY KEY,
  points integer NOT NULL DEFAULT 0,
  expire bigint
);
