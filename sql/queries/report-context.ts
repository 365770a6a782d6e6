// What the console shows beside a report to decide: the nearest named place, the reporter's other reports,
// the citizen's rating and reopening, and the canned replies of its category.
import type { Db, Tx } from '../db.ts';

export interface NamedPlaceRow {
  name: string;
  kind: string;
  lat: number;
  lng: number;
}

/** The nearest facility within ~5 km (a box first, so the index-free scan stays small). */
export async function nearestNamedPlace(db: Db, lat: number, lng: number): Promise<NamedPlaceRow | null> {
  const { rows } = await db.query<NamedPlaceRow>(
    `SELECT name, kind, lat, lng FROM facilities
      WHERE lat BETWEEN $1 - 0.05 AND $1 + 0.05 AND lng BETWEEN $2 - 0.05 AND $2 + 0.05
      ORDER BY (lat - $1) ^ 2 + ((lng - $2) * cos(radians($1))) ^ 2 LIMIT 1`,
    [lat, lng],
  );
  return rows[0] ?? null;
}

export interface EarlierReportRow {
  id: string;
  tracking_code: string;
  status: string;
  category: string;
  created_at: Date;
  total: number;
}

/** The same phone's other reports (last nine digits), newest first, with their count. */
export async function reporterHistory(
  db: Db,
  reportId: string,
  phone: string,
  limit = 10,
): Promise<EarlierReportRow[]> {
  const digits = phone.replace(/\D/g, '').slice(-9);
  if (digits.length < 6) return [];
  const { rows } = await db.query<EarlierReportRow>(
    `SELECT id::text, tracking_code, status, category, created_at, count(*) OVER ()::int AS total FROM reports
      WHERE id <> $1 AND right(regexp_replace(coalesce(reporter_phone, ''), '\\D', '', 'g'), 9) = $2
      ORDER BY created_at DESC LIMIT $3`,
    [reportId, digits, limit],
  );
  return rows;
}

export interface CitizenFeedbackRow {
  stars: number | null;
  comment: string | null;
  rated_at: Date | null;
  reopened_at: Date | null;
  reopen_reason: string | null;
}

export async function citizenFeedback(db: Db, reportId: string): Promise<CitizenFeedbackRow> {
  const { rows } = await db.query<CitizenFeedbackRow>(
    `SELECT g.stars, g.comment, g.rated_at, t.at AS reopened_at, t.reason AS reopen_reason
       FROM (SELECT 1) one
       LEFT JOIN report_ratings g ON g.report_id = $1
       LEFT JOIN LATERAL (SELECT at, reason FROM report_timeline WHERE report_id = $1 AND actor_role = 'reporter'
                            AND to_status = 'reopened' ORDER BY at DESC, id DESC LIMIT 1) t ON true`,
    [reportId],
  );
  return rows[0];
}

export interface CannedReplyRow {
  id: string;
  category: string | null;
  text: string;
}

export async function listCannedReplies(db: Db | Tx, category?: string | null): Promise<CannedReplyRow[]> {
  const { rows } = await db.query<CannedReplyRow>(
    `SELECT id::text, category, text FROM canned_replies
      WHERE $1::text IS NULL OR category = $1 OR category IS NULL ORDER BY category NULLS LAST, canned_replies.id`,
    [category ?? null],
  );
  return rows;
}

export async function insertCannedReply(tx: Tx, c: { category: string | null; text: string; by: string | null }) {
  const { rows } = await tx.query<CannedReplyRow>(
    'INSERT INTO canned_replies (category, text, created_by) VALUES ($1, $2, $3) RETURNING id::text, category, text',
    [c.category, c.text, c.by],
  );
  return rows[0];
}

export async function deleteCannedReply(tx: Tx, id: string): Promise<CannedReplyRow | null> {
  const { rows } = await tx.query<CannedReplyRow>(
    'DELETE FROM canned_replies WHERE id = $1 RETURNING id::text, category, text',
    [id],
  );
  return rows[0] ?? null;
}
