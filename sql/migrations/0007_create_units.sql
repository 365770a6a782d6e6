-- Field units (teams with a phone) of an agency, their live position and what they are assigned to.

CREATE TABLE units (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9-]{2,64}$'),
  agency_id text NOT NULL REFERENCES agencies (id),
  name text NOT NULL,
  status text NOT NULL DEFAULT 'off_duty' CHECK (status IN ('available', 'en_route', 'on_scene', 'off_duty')),
  lat double precision,
  lng double precision,
  h3_cell bigint,
  position_at timestamptz,
  -- The phone's long-lived token, stored as a hash; null = the unit reports only through a field officer login.
  token_hash text UNIQUE,
  version int NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX units_agency ON units (agency_id);

ALTER TABLE staff_users ADD CONSTRAINT staff_users_unit FOREIGN KEY (unit_id) REFERENCES units (id);

CREATE TABLE unit_assignments (
  id bigserial PRIMARY KEY,
  unit_id text NOT NULL REFERENCES units (id),
  report_id bigint NOT NULL REFERENCES reports (id),
  assigned_at timestamptz NOT NULL DEFAULT now(),
  assigned_by bigint REFERENCES staff_users (id),
  released_at timestamptz
);
CREATE UNIQUE INDEX unit_assignments_open ON unit_assignments (report_id) WHERE released_at IS NULL;
CREATE INDEX unit_assignments_unit ON unit_assignments (unit_id) WHERE released_at IS NULL;
