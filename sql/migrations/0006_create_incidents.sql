-- Incidents: several reports of one problem merged so the agency acts once and every reporter follows it.

CREATE TABLE incidents (
  id bigserial PRIMARY KEY,
  -- The report that carries the workflow; merged reports show its status.
  primary_report_id bigint NOT NULL UNIQUE REFERENCES reports (id),
  category text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE reports ADD COLUMN incident_id bigint REFERENCES incidents (id);
CREATE INDEX reports_incident ON reports (incident_id) WHERE incident_id IS NOT NULL;
-- Duplicate search: same category, recent, nearby.
CREATE INDEX reports_category_created ON reports (category, created_at DESC);
