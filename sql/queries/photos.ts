// Report photos as stored: their processed copies' content addresses and their moderation state.
import type { Db, Tx } from '../db.ts';

export type Moderation = 'pending' | 'approved' | 'rejected';

export interface NewPhoto {
  id: string;
  displayKey: string;
  thumbKey: string;
  contentType: string;
  width: number;
  height: number;
}

export interface PhotoRow {
  id: string;
  report_id: string;
  position: number;
  display_key: string;
  thumb_key: string;
  content_type: string;
  width: number;
  height: number;
  moderation: Moderation;
  moderation_reason: string | null;
  moderated_at: Date | null;
}

const COLUMNS = `id, report_id::text AS report_id, position, display_key, thumb_key, content_type, width, height,
  moderation, moderation_reason, moderated_at`;

/** In the report's own transaction, so a report and its photos are stored together or not at all. */
export async function insertPhotos(tx: Tx, reportId: string, photos: NewPhoto[]): Promise<void> {
  if (photos.length === 0) return;
  await tx.query(
    `INSERT INTO report_photos (id, report_id, position, display_key, thumb_key, content_type, width, height)
     SELECT id, $1, ord - 1, d, t, c, w, h
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[]) WITH ORDINALITY AS u(id, d, t, c, w, h, ord)`,
    [
      reportId,
      photos.map((p) => p.id),
      photos.map((p) => p.displayKey),
      photos.map((p) => p.thumbKey),
      photos.map((p) => p.contentType),
      photos.map((p) => p.width),
      photos.map((p) => p.height),
    ],
  );
}

/** A report's photos in order; `approvedOnly` for anything the public sees. */
export async function listPhotos(db: Db | Tx, reportId: string, approvedOnly: boolean): Promise<PhotoRow[]> {
  const { rows } = await db.query<PhotoRow>(
    `SELECT ${COLUMNS} FROM report_photos WHERE report_id = $1 AND (NOT $2 OR moderation = 'approved') ORDER BY position`,
    [reportId, approvedOnly],
  );
  return rows;
}

/** The approved photo ids of many reports, in order: what a public list (Open311 media_urls) may link to. */
export async function listApprovedPhotoIds(db: Db | Tx, reportIds: string[]): Promise<Map<string, string[]>> {
  const { rows } = await db.query<{ report_id: string; ids: string[] }>(
    `SELECT report_id::text AS report_id, array_agg(id ORDER BY position) AS ids FROM report_photos
      WHERE report_id = ANY($1::bigint[]) AND moderation = 'approved' GROUP BY report_id`,
    [reportIds],
  );
  return new Map(rows.map((r) => [r.report_id, r.ids]));
}

export async function findPhoto(db: Db | Tx, id: string): Promise<PhotoRow | null> {
  const { rows } = await db.query<PhotoRow>(`SELECT ${COLUMNS} FROM report_photos WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

export async function setModeration(
  tx: Tx,
  id: string,
  m: { decision: Exclude<Moderation, 'pending'>; reason: string | null; staffId: string | null },
): Promise<PhotoRow | null> {
  const { rows } = await tx.query<PhotoRow>(
    `UPDATE report_photos SET moderation = $2, moderation_reason = $3, moderated_by = $4, moderated_at = now()
      WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, m.decision, m.reason, m.staffId],
  );
  return rows[0] ?? null;
}

/** Of these media keys, those a photo row names (as its display copy or its thumbnail). */
export async function referencedMediaKeys(db: Db, keys: string[]): Promise<Set<string>> {
  const { rows } = await db.query<{ k: string }>(
    `SELECT k FROM unnest($1::text[]) AS k
      WHERE EXISTS (SELECT 1 FROM report_photos WHERE display_key = k)
         OR EXISTS (SELECT 1 FROM report_photos WHERE thumb_key = k)`,
    [keys],
  );
  return new Set(rows.map((r) => r.k));
}
