-- All-time report counts per cell at every map resolution (5-10) and category: what the wall display
-- asks for most. The hourly rollup cannot compress a sparse province (hour x category buckets hold
-- about one report each), so "all time" reads this smaller table instead. Status changes leave it alone.

CREATE TABLE report_cell_totals (
  res smallint NOT NULL,
  cell bigint NOT NULL,
  category text NOT NULL,
  n int NOT NULL,
  PRIMARY KEY (res, cell, category)
);

CREATE FUNCTION report_cell_totals_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_cell_totals AS t (res, cell, category, n)
  SELECT r, h3_parent(h3_cell, r), category, count(*)::int
    FROM new_reports, generate_series(5, 10) AS r GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (res, cell, category) DO UPDATE SET n = t.n + EXCLUDED.n;
  RETURN NULL;
END $$;
CREATE TRIGGER report_cell_totals_insert AFTER INSERT ON reports REFERENCING NEW TABLE AS new_reports
  FOR EACH STATEMENT EXECUTE FUNCTION report_cell_totals_on_insert();

CREATE FUNCTION report_cell_totals_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH moved AS (
    SELECT o.h3_cell AS old_cell, o.category AS old_category, n.h3_cell AS new_cell, n.category AS new_category
      FROM old_reports o JOIN new_reports n USING (id)
     WHERE (o.category, o.h3_cell) IS DISTINCT FROM (n.category, n.h3_cell)
  ), deltas AS (
    SELECT r, h3_parent(old_cell, r) AS cell, old_category AS category, -1 AS d FROM moved, generate_series(5, 10) AS r
    UNION ALL
    SELECT r, h3_parent(new_cell, r), new_category, 1 FROM moved, generate_series(5, 10) AS r
  )
  INSERT INTO report_cell_totals AS t (res, cell, category, n)
  SELECT r, cell, category, sum(d)::int FROM deltas GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (res, cell, category) DO UPDATE SET n = t.n + EXCLUDED.n;
  RETURN NULL;
END $$;
CREATE TRIGGER report_cell_totals_update AFTER UPDATE ON reports
  REFERENCING OLD TABLE AS old_reports NEW TABLE AS new_reports
  FOR EACH STATEMENT EXECUTE FUNCTION report_cell_totals_on_update();

INSERT INTO report_cell_totals (res, cell, category, n)
SELECT r, h3_parent(h3_cell, r), category, count(*)::int FROM reports, generate_series(5, 10) AS r GROUP BY 1, 2, 3;
