-- Request counters shared by every server (rate-limiter-flexible's Postgres store): anonymous reads per address.
CREATE TABLE rate_limits (
  key varchar(255) PRIMARY KEY,
  points integer NOT NULL DEFAULT 0,
  expire bigint
);
