-- SLA deadlines per category × priority: a row with a priority overrides its category's row (priority NULL) for
-- reports of that priority, so a priority-1 flood can be due in hours while the rest of the category has days.
ALTER TABLE category_sla ADD COLUMN priority smallint CHECK (priority BETWEEN 1 AND 4);
ALTER TABLE category_sla DROP CONSTRAINT category_sla_pkey;
ALTER TABLE category_sla ADD CONSTRAINT category_sla_key UNIQUE NULLS NOT DISTINCT (category, priority);

-- The one rule for a report: its category before '*', an exact priority before the category's any-priority row.
CREATE FUNCTION sla_rule_for(cat text, prio smallint) RETURNS category_sla LANGUAGE sql STABLE AS $$
  SELECT * FROM category_sla
   WHERE category IN (cat, '*') AND (priority IS NULL OR priority = prio)
   ORDER BY category = '*', priority IS NULL
   LIMIT 1
$$;

-- reports_priority (alphabetically first) has set NEW.priority by the time this runs.
CREATE OR REPLACE FUNCTION reports_sla() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s category_sla := sla_rule_for(NEW.category, NEW.priority);
BEGIN
  IF s.category IS NOT NULL THEN
    NEW.response_due_at := coalesce(NEW.response_due_at, sla_deadline(NEW.created_at, s.response_amount, s.response_unit));
    NEW.due_at := coalesce(NEW.due_at, sla_deadline(NEW.created_at, s.resolution_amount, s.resolution_unit));
  END IF;
  RETURN NEW;
END $$;
