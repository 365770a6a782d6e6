-- Every change made through the administration screens: who, when, what, and the record before and after.
CREATE TABLE admin_audit (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id bigint REFERENCES staff_users (id),
  actor_name text NOT NULL,
  entity text NOT NULL CHECK (entity IN ('routing_rule', 'sla', 'holiday', 'staff', 'unit', 'unit_token', 'wall_token')),
  entity_id text NOT NULL,
  action text NOT NULL,
  before jsonb,
  after jsonb
);
CREATE INDEX admin_audit_at ON admin_audit (at DESC, id DESC);
CREATE INDEX admin_audit_entity ON admin_audit (entity, entity_id, id DESC);
