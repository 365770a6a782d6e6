// The cell rollups' queue: new reports wait here until an applier folds them in (migration 0027).
import type { Db } from '../db.ts';

/** Folds up to `maxRows` queued reports into the rollups in one transaction; 0 while another applier runs. */
export async function applyReportRollups(db: Db, maxRows = 20_000): Promise<number> {
  const { rows } = await db.query<{ applied: number }>('SELECT apply_report_rollups($1) AS applied', [maxRows]);
  return rows[0].applied;
}

export async function queuedRollupRows(db: Db): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM report_rollup_queue');
  return rows[0].n;
}

/** SKIP_LOCKED: another server's VACUUM of it is as good. */
export async function vacuumRollupQueue(db: Db): Promise<void> {
  await db.query('VACUUM (SKIP_LOCKED) report_rollup_queue');
}
