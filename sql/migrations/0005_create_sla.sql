-- SLA: deadlines per category and the non-working days calendar. Values are data (sql/seed/sla-data.ts);
-- every report gets its deadlines on insert from sla_deadline(), the SQL twin of ingest/policies/sla.ts.

CREATE TABLE category_sla (
  -- '*' is the fallback for categories with no row of their own.
  category text PRIMARY KEY,
  response_amount int NOT NULL CHECK (response_amount > 0),
  response_unit text NOT NULL CHECK (response_unit IN ('hours', 'working_days')),
  resolution_amount int NOT NULL CHECK (resolution_amount > 0),
  resolution_unit text NOT NULL CHECK (resolution_unit IN ('hours', 'working_days'))
);

-- Public holidays (day_off) and swapped working Saturdays (day_off = false) override the weekly rule.
CREATE TABLE calendar_days (
  day date PRIMARY KEY,
  day_off boolean NOT NULL DEFAULT true,
  name_vi text NOT NULL,
  name_en text NOT NULL
);

-- ISO weekdays off (6 = Saturday, 7 = Sunday), the local time a working day ends, and the zone.
INSERT INTO settings (key, value) VALUES ('sla_weekend_days', '6,7'), ('sla_day_end', '17:00'), ('sla_timezone', 'Asia/Ho_Chi_Minh')
  ON CONFLICT (key) DO NOTHING;

ALTER TABLE reports ADD COLUMN response_due_at timestamptz;
ALTER TABLE reports ADD COLUMN due_at timestamptz;
CREATE INDEX reports_due_at ON reports (due_at);

CREATE FUNCTION sla_is_working_day(d date) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT NOT day_off FROM calendar_days WHERE day = d),
    NOT (extract(isodow FROM d)::text = ANY (string_to_array((SELECT value FROM settings WHERE key = 'sla_weekend_days'), ','))))
$$;

-- hours: wall-clock hours (the centre runs around the clock); working_days: the end of the Nth working
-- day counted from the day after `start` (how Vietnamese rules count "N ngày làm việc kể từ ngày nhận").
CREATE FUNCTION sla_deadline(start timestamptz, amount int, unit text) RETURNS timestamptz LANGUAGE plpgsql STABLE AS $$
DECLARE
  tz text := coalesce((SELECT value FROM settings WHERE key = 'sla_timezone'), 'Asia/Ho_Chi_Minh');
  day_end time := coalesce((SELECT value FROM settings WHERE key = 'sla_day_end'), '17:00')::time;
  d date;
  n int := 0;
BEGIN
  IF start IS NULL OR amount IS NULL THEN RETURN NULL; END IF;
  IF unit = 'hours' THEN RETURN start + amount * interval '1 hour'; END IF;
  d := (start AT TIME ZONE tz)::date;
  WHILE n < amount LOOP
    d := d + 1;
    IF sla_is_working_day(d) THEN n := n + 1; END IF;
    IF d > (start AT TIME ZONE tz)::date + 3660 THEN RAISE EXCEPTION 'sla_deadline: no working day within ten years'; END IF;
  END LOOP;
  RETURN (d + day_end) AT TIME ZONE tz;
END $$;

CREATE FUNCTION reports_sla() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s category_sla;
BEGIN
  SELECT * INTO s FROM category_sla WHERE category IN (NEW.category, '*') ORDER BY category = '*' LIMIT 1;
  IF FOUND THEN
    NEW.response_due_at := coalesce(NEW.response_due_at, sla_deadline(NEW.created_at, s.response_amount, s.response_unit));
    NEW.due_at := coalesce(NEW.due_at, sla_deadline(NEW.created_at, s.resolution_amount, s.resolution_unit));
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER reports_sla BEFORE INSERT ON reports FOR EACH ROW EXECUTE FUNCTION reports_sla();
