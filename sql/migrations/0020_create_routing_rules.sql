-- Routing: which agency must act on a report, as rules over (category, area) with effective dates.
-- Most specific wins (commune > province > anywhere; a named category > any category); see geo/routing.ts.

CREATE TABLE routing_rules (
  id serial PRIMARY KEY,
  agency_id text NOT NULL REFERENCES agencies (id),
  category text REFERENCES categories (code),
  area_code text,
  province_code text,
  effective_from date NOT NULL DEFAULT DATE '2025-07-01',
  effective_to date,
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (effective_to IS NULL OR effective_to > effective_from),
  CHECK (area_code IS NULL OR province_code IS NULL)
);
CREATE INDEX routing_rules_active ON routing_rules (category, area_code, province_code) WHERE effective_to IS NULL;

-- Every routed report records the rule that routed it.
ALTER TABLE reports ADD COLUMN routing_rule_id int REFERENCES routing_rules (id);
