-- The report workflow: who moved it where and why, public replies apart from internal notes.

ALTER TABLE reports ADD COLUMN reject_reason text
  CHECK (reject_reason IN ('duplicate', 'not_competent', 'insufficient_info', 'spam'));
ALTER TABLE reports ADD COLUMN resolved_at timestamptz;
CREATE INDEX reports_status ON reports (status);

CREATE TABLE report_timeline (
  id bigserial PRIMARY KEY,
  report_id bigint NOT NULL REFERENCES reports (id),
  at timestamptz NOT NULL DEFAULT now(),
  actor_id bigint REFERENCES staff_users (id),
  actor_name text NOT NULL,
  actor_role text NOT NULL,
  from_status text NOT NULL,
  to_status text NOT NULL,
  reason text,
  -- internal_note is for staff only; public_reply is the answer the reporter and the public map see.
  internal_note text,
  public_reply text,
  unit_id text,
  incident_id bigint
);
CREATE INDEX report_timeline_report ON report_timeline (report_id, id);
