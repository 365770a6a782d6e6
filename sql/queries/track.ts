// What the public tracking page reads: a report by its code, its public timeline and its rating.
import type { Db, Tx } from '../db.ts';
import { findDispatchReport, type DispatchReportRow } from './dispatch-reports.ts';

export interface TrackedReportRow extends DispatchReportRow {
  tracking_secret_hash: Buffer | null;
}

export async function findReportIdByCode(db: Db | Tx, code: string, lock = false): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id::text AS id FROM reports WHERE tracking_code = $1${lock ? ' FOR UPDATE' : ''}`,
    [code],
  );
  return rows[0]?.id ?? null;
}

export async function findTrackedReport(db: Db | Tx, code: string, lock = false): Promise<TrackedReportRow | null> {
  const id = await findReportIdByCode(db, code, lock);
  if (!id) return null;
  const [row, secret] = await Promise.all([
    findDispatchReport(db, id),
    db.query<{ h: Buffer | null }>('SELECT tracking_secret_hash AS h FROM reports WHERE id = $1', [id]),
  ]);
  return row ? { ...row, tracking_secret_hash: secret.rows[0]?.h ?? null } : null;
}

export interface PublicTimelineRow {
  at: Date;
  to_status: string;
  public_reply: string | null;
}

/** Status changes and the agency's public replies only: internal notes and who acted stay with staff. */
export async function publicTimeline(db: Db | Tx, reportId: string): Promise<PublicTimelineRow[]> {
  const { rows } = await db.query<PublicTimelineRow>(
    'SELECT at, to_status, public_reply FROM report_timeline WHERE report_id = $1 ORDER BY id',
    [reportId],
  );
  return rows;
}

export interface RatingRow {
  stars: number;
  comment: string | null;
}

export async function findRating(db: Db | Tx, reportId: string): Promise<RatingRow | null> {
  const { rows } = await db.query<RatingRow>('SELECT stars, comment FROM report_ratings WHERE report_id = $1', [
    reportId,
  ]);
  return rows[0] ?? null;
}

export async function upsertRating(tx: Tx, reportId: string, r: RatingRow): Promise<void> {
  await tx.query(
    `INSERT INTO report_ratings (report_id, stars, comment) VALUES ($1, $2, $3)
     ON CONFLICT (report_id) DO UPDATE SET stars = EXCLUDED.stars, comment = EXCLUDED.comment, rated_at = now()`,
    [reportId, r.stars, r.comment],
  );
}
