-- Canned replies to citizens, per category (null = any), kept by supervisors so answers stay consistent.
CREATE TABLE canned_replies (
  id bigserial PRIMARY KEY,
  category text REFERENCES categories (code),
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
  created_by bigint REFERENCES staff_users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX canned_replies_category ON canned_replies (category);
ALTER TABLE admin_audit DROP CONSTRAINT admin_audit_entity_check;
ALTER TABLE admin_audit ADD CONSTRAINT admin_audit_entity_check
  CHECK (entity IN ('routing_rule', 'sla', 'holiday', 'staff', 'unit', 'unit_token', 'wall_token', 'canned_reply'));
