-- Webhooks: administrators register endpoints per agency and event type; deliveries are an outbox filled by a
-- trigger on the event log, so a delivery exists exactly when its event committed (a rollback leaves none).

CREATE TABLE webhook_endpoints (
  id bigserial PRIMARY KEY,
  url text NOT NULL,
  -- NULL: every agency's reports.
  agency_id text REFERENCES agencies (id),
  events text[] NOT NULL CHECK (events <@ ARRAY['report.created', 'report.status_changed', 'report.resolved']
                                AND cardinality(events) > 0),
  -- Signs each delivery (HMAC-SHA256); kept to sign with, shown to the administrator once.
  secret text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_by bigint REFERENCES staff_users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE webhook_deliveries (
  id bigserial PRIMARY KEY,
  endpoint_id bigint NOT NULL REFERENCES webhook_endpoints (id),
  event_id bigint NOT NULL,
  event_type text NOT NULL,
  payload jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts int NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  -- Retries stop 24 hours after this (the event, or the last replay).
  window_start timestamptz NOT NULL DEFAULT now(),
  last_status int,
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (endpoint_id, event_id, event_type)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, id DESC);

-- One statement-level pass over the new events: with no endpoint registered it costs one empty join.
CREATE FUNCTION webhook_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM webhook_endpoints WHERE active) THEN
    RETURN NULL;
  END IF;
  INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, payload)
  SELECT w.id, e.id, t.type,
         jsonb_build_object('id', e.id::text || ':' || t.type, 'type', t.type, 'createdAt', e.created_at,
                            'data', jsonb_build_object(
                              'reportId', e.payload->>'reportId', 'code', e.payload->>'code',
                              'category', e.payload->>'category', 'status', e.payload->>'status',
                              'previousStatus', e.prev_status, 'agencyId', e.payload->>'agencyId',
                              'areaCode', e.payload->>'areaCode', 'at', e.payload->>'at'))
    FROM (SELECT n.*, (SELECT p.payload->>'status' FROM events p
                        WHERE p.report_id = n.report_id AND p.id < n.id
                          AND p.kind IN ('report.created', 'report.updated')
                        ORDER BY p.id DESC LIMIT 1) AS prev_status
            FROM new_events n WHERE n.kind IN ('report.created', 'report.updated')) e
   CROSS JOIN LATERAL (
     SELECT 'report.created' AS type WHERE e.kind = 'report.created'
     UNION ALL SELECT 'report.status_changed'
      WHERE e.kind = 'report.updated' AND e.payload->>'status' IS DISTINCT FROM e.prev_status
     UNION ALL SELECT 'report.resolved'
      WHERE e.kind = 'report.updated' AND e.payload->>'status' = 'resolved'
        AND e.prev_status IS DISTINCT FROM 'resolved') t
    JOIN webhook_endpoints w ON w.active AND t.type = ANY (w.events)
                            AND (w.agency_id IS NULL OR w.agency_id = e.payload->>'agencyId')
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER webhook_outbox AFTER INSERT ON events REFERENCING NEW TABLE AS new_events
  FOR EACH STATEMENT EXECUTE FUNCTION webhook_outbox();
