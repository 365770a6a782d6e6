-- Core catalog, reports and the append-only event log that drives the change feed.

CREATE TABLE settings (
  key text PRIMARY KEY,
  value text NOT NULL
);
INSERT INTO settings (key, value) VALUES ('tracking_prefix', 'TH');

-- Boundaries are data: each import is a set with an effective date; reports keep the code they got.
CREATE TABLE areas (
  id serial PRIMARY KEY,
  code text NOT NULL,
  level text NOT NULL CHECK (level IN ('province', 'commune')),
  name text NOT NULL,
  full_name text NOT NULL,
  name_en text,
  type text,
  province_code text,
  geometry jsonb NOT NULL,
  display_geometry jsonb,
  effective_from date NOT NULL,
  effective_to date,
  source text,
  UNIQUE (code, level, effective_from)
);
CREATE INDEX areas_current ON areas (level, province_code) WHERE effective_to IS NULL;

CREATE TABLE categories (
  code text PRIMARY KEY,
  name_vi text NOT NULL,
  name_en text NOT NULL,
  sensitive boolean NOT NULL DEFAULT false,
  color smallint[] NOT NULL,
  sort_order int NOT NULL DEFAULT 0
);

CREATE TABLE agencies (
  id text PRIMARY KEY,
  name_vi text NOT NULL,
  name_en text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('commune', 'department', 'police', 'utility', 'center')),
  area_code text,
  province_code text
);

CREATE TABLE reports (
  id bigserial PRIMARY KEY,
  tracking_code text UNIQUE,
  category text NOT NULL REFERENCES categories (code),
  description text NOT NULL,
  lat double precision NOT NULL,
  lng double precision NOT NULL,
  h3_cell bigint NOT NULL,
  area_code text,
  area_name text,
  province_code text,
  agency_id text REFERENCES agencies (id),
  status text NOT NULL DEFAULT 'received',
  needs_triage boolean NOT NULL DEFAULT false,
  reporter_name text,
  reporter_phone text,
  anonymous boolean NOT NULL DEFAULT false,
  source text NOT NULL DEFAULT 'api',
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reports_created_at ON reports (created_at DESC);
CREATE INDEX reports_h3_cell ON reports (h3_cell);
CREATE INDEX reports_lng_lat ON reports (lng, lat);

-- Human tracking code from the id, e.g. TH-2026-000123, so a batch insert needs no round trip.
CREATE FUNCTION reports_tracking_code() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.tracking_code IS NULL THEN
    NEW.tracking_code := (SELECT value FROM settings WHERE key = 'tracking_prefix') || '-'
      || to_char(NEW.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY') || '-' || lpad(NEW.id::text, 6, '0');
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER reports_tracking_code BEFORE INSERT ON reports FOR EACH ROW EXECUTE FUNCTION reports_tracking_code();

-- The change feed. xid records the writing transaction so readers only take rows whose
-- transaction is older than every running one (see realtime/tailer.ts): ids are taken at insert,
-- not at commit, so reading by id alone would skip an id that commits late.
CREATE TABLE events (
  id bigserial PRIMARY KEY,
  xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  report_id bigint,
  kind text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_xid_id ON events (xid, id);
CREATE INDEX events_report ON events (report_id);

-- A doorbell with no data: Postgres delivers it on commit and folds repeats within a transaction.
CREATE FUNCTION events_doorbell() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('hientruong_events', '');
  RETURN NULL;
END $$;
CREATE TRIGGER events_doorbell AFTER INSERT ON events FOR EACH STATEMENT EXECUTE FUNCTION events_doorbell();
