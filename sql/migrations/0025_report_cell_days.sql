-- Daily report counts per coarse cell (res 5-7), category and status: what a whole-province map asks for
-- with a window ("last 7 days"). Hourly rows at res 10 hold about one report each, so summing a week of
-- them meant ~80k rows per query at 1 M reports; a day at res <= 7 folds hundreds of reports into a row.
-- Windows read whole days here and only the partial first day from report_cell_hours.

CREATE TABLE report_cell_days (
  res smallint NOT NULL,
  day timestamptz NOT NULL,
  cell bigint NOT NULL,
  category text NOT NULL,
  status text NOT NULL,
  n int NOT NULL,
  PRIMARY KEY (res, day, cell, category, status)
);

-- Days start at midnight UTC: any fixed boundary works, readers split a window on the same one.
CREATE FUNCTION report_day(at timestamptz) RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN date_trunc('day', at, 'UTC');

CREATE FUNCTION report_cell_days_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Sorted keys, as in report_cell_hours: concurrent batches lock rows in one order and cannot deadlock.
  INSERT INTO report_cell_days AS d (res, day, cell, category, status, n)
  SELECT r, report_day(created_at), h3_parent(h3_cell, r), category, status, count(*)::int
    FROM new_reports, generate_series(5, 7) AS r GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (res, day, cell, category, status) DO UPDATE SET n = d.n + EXCLUDED.n;
  RETURN NULL;
END $$;
CREATE TRIGGER report_cell_days_insert AFTER INSERT ON reports REFERENCING NEW TABLE AS new_reports
  FOR EACH STATEMENT EXECUTE FUNCTION report_cell_days_on_insert();

CREATE FUNCTION report_cell_days_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH moved AS (
    SELECT o.h3_cell AS old_cell, o.category AS old_category, o.status AS old_status, o.created_at AS old_at,
           n.h3_cell AS new_cell, n.category AS new_category, n.status AS new_status, n.created_at AS new_at
      FROM old_reports o JOIN new_reports n USING (id)
     WHERE (o.status, o.category, o.h3_cell, o.created_at) IS DISTINCT FROM (n.status, n.category, n.h3_cell, n.created_at)
  ), deltas AS (
    SELECT r, report_day(old_at) AS day, h3_parent(old_cell, r) AS cell, old_category AS category, old_status AS status, -1 AS d
      FROM moved, generate_series(5, 7) AS r
    UNION ALL
    SELECT r, report_day(new_at), h3_parent(new_cell, r), new_category, new_status, 1 FROM moved, generate_series(5, 7) AS r
  )
  INSERT INTO report_cell_days AS d (res, day, cell, category, status, n)
  SELECT r, day, cell, category, status, sum(deltas.d)::int FROM deltas GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (res, day, cell, category, status) DO UPDATE SET n = d.n + EXCLUDED.n;
  RETURN NULL;
END $$;
CREATE TRIGGER report_cell_days_update AFTER UPDATE ON reports REFERENCING OLD TABLE AS old_reports NEW TABLE AS new_reports
  FOR EACH STATEMENT EXECUTE FUNCTION report_cell_days_on_update();

-- Reports stored before this migration.
INSERT INTO report_cell_days (res, day, cell, category, status, n)
SELECT r, report_day(created_at), h3_parent(h3_cell, r), category, status, count(*)::int
  FROM reports, generate_series(5, 7) AS r GROUP BY 1, 2, 3, 4, 5;
