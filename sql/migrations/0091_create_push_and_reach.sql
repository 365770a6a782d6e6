-- Web Push subscriptions (issue 22): only the browser's push subscription and the chosen area are stored,
-- or, for a reporter who opted in, the report it follows. No account, no name, no phone.
CREATE TABLE push_subscriptions (
  id bigserial PRIMARY KEY,
  endpoint text NOT NULL UNIQUE,
  p256dh text NOT NULL,
  auth text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('area', 'report')),
  -- kind 'area': a commune, or a point and radius; cells7 is the area's cover at res 7 (matched against alerts).
  area_code text,
  lat double precision,
  lng double precision,
  radius_m double precision,
  cells7 text[] NOT NULL DEFAULT '{}',
  -- kind 'report': the report followed, and the last status the reporter was told.
  report_id bigint,
  last_status text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (kind <> 'report' OR report_id IS NOT NULL)
);
CREATE INDEX push_subscriptions_cells ON push_subscriptions USING gin (cells7) WHERE kind = 'area';
CREATE INDEX push_subscriptions_report ON push_subscriptions (report_id) WHERE kind = 'report';

-- Who an alert reached, per channel and commune: screens connected in its area when it went out (counted
-- by the feed process), pushes sent, delivered (2xx from the push service) and failed. Rows add up.
CREATE TABLE alert_reach (
  id bigserial PRIMARY KEY,
  alert_id bigint NOT NULL REFERENCES alerts (id),
  channel text NOT NULL CHECK (channel IN ('screen', 'push')),
  -- The commune (push: the subscription's; screens: where the screen's view is centred), or null when unknown.
  area_code text,
  -- Screens: the res-7 cell of the view's centre, resolved to a commune when read ('province' for a province-wide view).
  cell text,
  sent int NOT NULL DEFAULT 0,
  delivered int NOT NULL DEFAULT 0,
  failed int NOT NULL DEFAULT 0,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alert_reach_alert ON alert_reach (alert_id);

-- The push sender claims each sent alert once (several servers may run it).
ALTER TABLE alerts ADD COLUMN push_claimed_at timestamptz;
CREATE INDEX alerts_push_pending ON alerts (sent_at) WHERE push_claimed_at IS NULL AND state = 'published';
