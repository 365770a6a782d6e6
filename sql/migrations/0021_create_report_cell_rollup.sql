-- Hourly report counts per res-10 cell, category and status, with every coarser parent precomputed,
-- so map aggregation reads a few thousand rollup rows instead of grouping a million reports.
-- Maintained by statement-level triggers: a group-committed batch costs one upsert, not one per row.

CREATE TABLE report_cell_hours (
  cell10 bigint NOT NULL,
  hour timestamptz NOT NULL,
  category text NOT NULL,
  status text NOT NULL,
  n int NOT NULL,
  cell5 bigint GENERATED ALWAYS AS (h3_parent(cell10, 5)) STORED,
  cell6 bigint GENERATED ALWAYS AS (h3_parent(cell10, 6)) STORED,
  cell7 bigint GENERATED ALWAYS AS (h3_parent(cell10, 7)) STORED,
  cell8 bigint GENERATED ALWAYS AS (h3_parent(cell10, 8)) STORED,
  cell9 bigint GENERATED ALWAYS AS (h3_parent(cell10, 9)) STORED,
  PRIMARY KEY (cell10, hour, category, status)
);
CREATE INDEX report_cell_hours_hour ON report_cell_hours (hour);

CREATE FUNCTION report_cell_hours_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Sorted keys: concurrent batches lock rollup rows in one order and cannot deadlock.
  INSERT INTO report_cell_hours AS r (cell10, hour, category, status, n)
  SELECT h3_parent(h3_cell, 10), date_trunc('hour', created_at), category, status, count(*)::int
    FROM new_reports GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (cell10, hour, category, status) DO UPDATE SET n = r.n + EXCLUDED.n;
  RETURN NULL;
END $$;
CREATE TRIGGER report_cell_hours_insert AFTER INSERT ON reports REFERENCING NEW TABLE AS new_reports
  FOR EACH STATEMENT EXECUTE FUNCTION report_cell_hours_on_insert();

CREATE FUNCTION report_cell_hours_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH moves AS (
    SELECT h3_parent(o.h3_cell, 10) AS cell10, date_trunc('hour', o.created_at) AS hour, o.category, o.status, -1 AS d
      FROM old_reports o JOIN new_reports n USING (id)
     WHERE (o.status, o.category, o.h3_cell) IS DISTINCT FROM (n.status, n.category, n.h3_cell)
    UNION ALL
    SELECT h3_parent(n.h3_cell, 10), date_trunc('hour', n.created_at), n.category, n.status, 1
      FROM old_reports o JOIN new_reports n USING (id)
     WHERE (o.status, o.category, o.h3_cell) IS DISTINCT FROM (n.status, n.category, n.h3_cell)
  )
  INSERT INTO report_cell_hours AS r (cell10, hour, category, status, n)
  SELECT cell10, hour, category, status, sum(d)::int FROM moves GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  -- Rows that drop to zero stay (readers skip them): deleting them would scan the table on every update.
  ON CONFLICT (cell10, hour, category, status) DO UPDATE SET n = r.n + EXCLUDED.n;
  RETURN NULL;
END $$;
CREATE TRIGGER report_cell_hours_update AFTER UPDATE ON reports REFERENCING OLD TABLE AS old_reports NEW TABLE AS new_reports
  FOR EACH STATEMENT EXECUTE FUNCTION report_cell_hours_on_update();

-- Reports stored before this migration.
INSERT INTO report_cell_hours (cell10, hour, category, status, n)
SELECT h3_parent(h3_cell, 10), date_trunc('hour', created_at), category, status, count(*)::int FROM reports GROUP BY 1, 2, 3, 4;
