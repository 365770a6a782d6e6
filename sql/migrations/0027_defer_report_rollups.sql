-- New reports reach the cell rollups through a queue instead of three upserts in the writing transaction.
-- The upserts locked shared coarse rows (a res-5 cell holds a town) until commit, so two group-commit
-- batches never overlapped: ingest waited on itself. Now a batch only appends one narrow row per report
-- here; apply_report_rollups() folds the queue into the rollups in one transaction, and readers add what is
-- still queued (the *_live views below, or sql/queries/reports.ts), so every count stays exact in any
-- snapshot: a queued row is either here or already in the rollups, never both and never neither. Updates (status, category) keep their
-- synchronous triggers: their deltas add up with the queued +1 in any order.

CREATE TABLE report_rollup_queue (
  h3_cell bigint NOT NULL,
  category text NOT NULL,
  status text NOT NULL,
  created_at timestamptz NOT NULL
);

DROP TRIGGER report_cell_hours_insert ON reports;
DROP TRIGGER report_cell_totals_insert ON reports;
DROP TRIGGER report_cell_days_insert ON reports;
DROP FUNCTION report_cell_hours_on_insert();
DROP FUNCTION report_cell_totals_on_insert();
DROP FUNCTION report_cell_days_on_insert();

CREATE FUNCTION report_rollup_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_rollup_queue (h3_cell, category, status, created_at)
  SELECT h3_cell, category, status, created_at FROM new_reports;
  RETURN NULL;
END $$;
CREATE TRIGGER report_rollup_enqueue AFTER INSERT ON reports REFERENCING NEW TABLE AS new_reports
  FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_enqueue();

-- Takes up to `max_rows` queued reports and adds them to the three rollups, all in the caller's transaction.
-- One applier at a time (others return 0 at once); sorted keys, as in the update triggers, so an applier
-- and a status change lock rollup rows in one order and cannot deadlock.
CREATE FUNCTION apply_report_rollups(max_rows int DEFAULT 20000) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  applied int;
BEGIN
  IF NOT pg_try_advisory_xact_lock(727002) THEN RETURN 0; END IF;
  WITH taken AS (
    DELETE FROM report_rollup_queue WHERE ctid = ANY (ARRAY(SELECT ctid FROM report_rollup_queue LIMIT max_rows))
    RETURNING h3_cell, category, status, created_at
  ), hours AS (
    INSERT INTO report_cell_hours AS r (cell10, hour, category, status, n)
    SELECT h3_parent(h3_cell, 10), date_trunc('hour', created_at), category, status, count(*)::int
      FROM taken GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (cell10, hour, category, status) DO UPDATE SET n = r.n + EXCLUDED.n
  ), totals AS (
    INSERT INTO report_cell_totals AS t (res, cell, category, n)
    SELECT r, h3_parent(h3_cell, r), category, count(*)::int
      FROM taken, generate_series(5, 10) AS r GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (res, cell, category) DO UPDATE SET n = t.n + EXCLUDED.n
  ), days AS (
    INSERT INTO report_cell_days AS d (res, day, cell, category, status, n)
    SELECT r, report_day(created_at), h3_parent(h3_cell, r), category, status, count(*)::int
      FROM taken, generate_series(5, 7) AS r GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (res, day, cell, category, status) DO UPDATE SET n = d.n + EXCLUDED.n
  )
  SELECT count(*)::int INTO applied FROM taken;
  RETURN applied;
END $$;

-- What the counters read (GET /api/v1/stats): each rollup plus the reports still queued for it.
CREATE VIEW report_cell_totals_live AS
  SELECT res, cell, category, n FROM report_cell_totals
  UNION ALL
  SELECT r::smallint, h3_parent(h3_cell, r), category, 1 FROM report_rollup_queue, generate_series(5, 10) AS r;

CREATE VIEW report_cell_days_live AS
  SELECT res, day, cell, category, status, n FROM report_cell_days
  UNION ALL
  SELECT r::smallint, report_day(created_at), h3_parent(h3_cell, r), category, status, 1
    FROM report_rollup_queue, generate_series(5, 7) AS r;
