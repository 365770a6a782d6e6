-- Integrations are administered from /admin like the other tabs: every change leaves an audit row, and each
-- webhook delivery keeps the log of its attempts (when, HTTP status or error, how long) for the admin to read.

-- Extends whatever entity list the audit check holds at this point (other migrations add theirs too).
DO $$
DECLARE
  current_entities text[];
BEGIN
  SELECT array_agg(DISTINCT m[1]) INTO current_entities
    FROM pg_constraint c, regexp_matches(pg_get_constraintdef(c.oid), '''([a-z0-9_]+)''', 'g') AS m
   WHERE c.conname = 'admin_audit_entity_check' AND c.conrelid = 'admin_audit'::regclass;
  ALTER TABLE admin_audit DROP CONSTRAINT admin_audit_entity_check;
  EXECUTE format('ALTER TABLE admin_audit ADD CONSTRAINT admin_audit_entity_check CHECK (entity = ANY (%L::text[]))',
                 coalesce(current_entities, '{}') || ARRAY['open311_client', 'webhook', 'webhook_delivery', 'import_mapping']);
END $$;

CREATE TABLE webhook_delivery_attempts (
  id bigserial PRIMARY KEY,
  delivery_id bigint NOT NULL REFERENCES webhook_deliveries (id),
  at timestamptz NOT NULL DEFAULT now(),
  -- The receiver's HTTP status; NULL when no answer came (the error says why).
  http_status int,
  error text,
  duration_ms int NOT NULL
);
CREATE INDEX webhook_delivery_attempts_delivery ON webhook_delivery_attempts (delivery_id, id DESC);
