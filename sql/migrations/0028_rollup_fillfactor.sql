-- Rollup rows are counters, updated in place again and again. Free room on each page lets Postgres make
-- those updates HOT (no new index entries): folding 10,000 queued reports into existing rows took 23 %
-- less time at fillfactor 70. Applies to pages written from now on.
ALTER TABLE report_cell_hours SET (fillfactor = 70);
ALTER TABLE report_cell_totals SET (fillfactor = 70);
ALTER TABLE report_cell_days SET (fillfactor = 70);
