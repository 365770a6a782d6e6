-- Official alerts (issue 22). Each version is a row: an Update or a Cancel is a new row that references
-- the one it replaces (CAP `references`), and the replaced row only changes state. Nothing is deleted.

CREATE TABLE alerts (
  id bigserial PRIMARY KEY,
  -- CAP msgType of this version; `references_id` is the version it updates or cancels.
  msg_type text NOT NULL CHECK (msg_type IN ('Alert', 'Update', 'Cancel')),
  references_id bigint REFERENCES alerts (id),
  state text NOT NULL CHECK (state IN ('pending_approval', 'scheduled', 'published', 'superseded', 'cancelled')),
  title text NOT NULL,
  body text NOT NULL,
  title_en text,
  body_en text,
  category text NOT NULL,
  severity text NOT NULL,
  urgency text NOT NULL,
  certainty text NOT NULL,
  effective timestamptz NOT NULL,
  expires timestamptz NOT NULL CHECK (expires > effective),
  -- The area as given (communes, polygon or circle), its geometry for CAP and maps, and its H3 cover.
  area jsonb NOT NULL,
  area_desc text NOT NULL,
  area_codes text[] NOT NULL DEFAULT '{}',
  area_geometry jsonb NOT NULL,
  area_bounds double precision[] NOT NULL,
  -- Compact H3 cover at res 7-9 (geo/alert-area.ts), as hex strings.
  cells text[] NOT NULL,
  created_by bigint REFERENCES staff_users (id),
  created_by_name text NOT NULL,
  approved_by bigint REFERENCES staff_users (id),
  approved_by_name text,
  -- A scheduled alert (an imported outage) publishes itself at this time.
  publish_at timestamptz,
  sent_at timestamptz,
  -- When the feed was told it expired (the expiry sweep sets it once).
  expiry_announced_at timestamptz,
  source text NOT NULL DEFAULT 'staff',
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (state <> 'published' OR sent_at IS NOT NULL),
  CHECK ((msg_type = 'Alert') = (references_id IS NULL))
);
CREATE INDEX alerts_published ON alerts (expires) WHERE state = 'published';
CREATE INDEX alerts_scheduled ON alerts (publish_at) WHERE state = 'scheduled';
-- At most one live successor per version: two publishers updating the same alert at once, one wins.
CREATE UNIQUE INDEX alerts_one_successor ON alerts (references_id) WHERE state <> 'cancelled' OR msg_type = 'Cancel';

-- CAP `sender`: the province's own identifier for the messages it publishes.
INSERT INTO settings (key, value) VALUES ('cap_sender', 'canhbao@hientruong.thanhhoa.gov.vn')
  ON CONFLICT (key) DO NOTHING;
