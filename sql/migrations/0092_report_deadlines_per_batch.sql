-- A surge's batch insert works out priority and SLA deadlines once per category (insertReports), not once per row:
-- the per-row calendar walk was the largest cost of storing a report. The rules keep one home each, the functions
-- below, used by the batch and by the per-row triggers, which now fire only for rows that arrive without them.

CREATE FUNCTION category_priority(cat text) RETURNS smallint LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT priority FROM categories WHERE code = cat), 3)::smallint
$$;

CREATE FUNCTION report_deadlines(cat text, prio smallint, received timestamptz,
                                 OUT response_due_at timestamptz, OUT due_at timestamptz)
LANGUAGE plpgsql STABLE AS $$
DECLARE
  s category_sla := sla_rule_for(cat, prio);
BEGIN
  IF s.category IS NOT NULL THEN
    response_due_at := sla_deadline(received, s.response_amount, s.response_unit);
    due_at := sla_deadline(received, s.resolution_amount, s.resolution_unit);
  END IF;
END $$;

CREATE OR REPLACE FUNCTION reports_priority() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.priority := coalesce(NEW.priority, category_priority(NEW.category));
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION reports_sla() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  d record := report_deadlines(NEW.category, NEW.priority, NEW.created_at);
BEGIN
  NEW.response_due_at := coalesce(NEW.response_due_at, d.response_due_at);
  NEW.due_at := coalesce(NEW.due_at, d.due_at);
  RETURN NEW;
END $$;

DROP TRIGGER reports_priority ON reports;
CREATE TRIGGER reports_priority BEFORE INSERT ON reports FOR EACH ROW WHEN (NEW.priority IS NULL)
  EXECUTE FUNCTION reports_priority();
DROP TRIGGER reports_sla ON reports;
CREATE TRIGGER reports_sla BEFORE INSERT ON reports FOR EACH ROW
  WHEN (NEW.response_due_at IS NULL OR NEW.due_at IS NULL) EXECUTE FUNCTION reports_sla();
