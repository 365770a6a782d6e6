// Alerts and their versions: plain SQL, no rules (ingest/commands/*-alert.ts decide).
import type { AlertState } from '../../domain/alert-vocabulary.ts';
import type { Db, Tx } from '../db.ts';

export interface AlertRow {
  id: string;
  msg_type: 'Alert' | 'Update' | 'Cancel';
  references_id: string | null;
  state: AlertState;
  title: string;
  body: string;
  title_en: string | null;
  body_en: string | null;
  category: string;
  severity: string;
  urgency: string;
  certainty: string;
  effective: Date;
  expires: Date;
  area: Record<string, unknown>;
  area_desc: string;
  area_codes: string[];
  area_geometry: { type: 'MultiPolygon'; coordinates: number[][][][] };
  area_bounds: number[];
  cells: string[];
  created_by: string | null;
  created_by_name: string;
  approved_by: string | null;
  approved_by_name: string | null;
  publish_at: Date | null;
  sent_at: Date | null;
  source: string;
  created_at: Date;
}

export type NewAlertRow = Omit<
  AlertRow,
  'id' | 'created_at' | 'approved_by' | 'approved_by_name' | 'sent_at' | 'area_bounds'
> & {
  area_bounds: number[];
  sent_at: Date | null;
  approved_by?: string | null;
  approved_by_name?: string | null;
};

const COLUMNS = `id::text, msg_type, references_id::text, state, title, body, title_en, body_en, category, severity,
  urgency, certainty, effective, expires, area, area_desc, area_codes, area_geometry, area_bounds, cells,
  created_by::text, created_by_name, approved_by::text, approved_by_name, publish_at, sent_at, source, created_at`;

export async function insertAlert(tx: Tx | Db, a: NewAlertRow): Promise<AlertRow> {
  const { rows } = await tx.query<AlertRow>(
    `INSERT INTO alerts (msg_type, references_id, state, title, body, title_en, body_en, category, severity, urgency,
       certainty, effective, expires, area, area_desc, area_codes, area_geometry, area_bounds, cells, created_by,
       created_by_name, approved_by, approved_by_name, publish_at, sent_at, source)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26)
     RETURNING ${COLUMNS}`,
    [
      a.msg_type,
      a.references_id,
      a.state,
      a.title,
      a.body,
      a.title_en,
      a.body_en,
      a.category,
      a.severity,
      a.urgency,
      a.certainty,
      a.effective,
      a.expires,
      a.area,
      a.area_desc,
      a.area_codes,
      JSON.stringify(a.area_geometry),
      a.area_bounds,
      a.cells,
      a.created_by,
      a.created_by_name,
      a.approved_by ?? null,
      a.approved_by_name ?? null,
      a.publish_at,
      a.sent_at,
      a.source,
    ],
  );
  return rows[0];
}

/** One alert; `forUpdate` locks it so two publishers acting on it at once go one after the other. */
export async function getAlert(db: Db | Tx, id: string, forUpdate = false): Promise<AlertRow | null> {
  const { rows } = await db.query<AlertRow>(
    `SELECT ${COLUMNS} FROM alerts WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

export async function setAlertState(
  tx: Tx,
  id: string,
  state: AlertState,
  extra: { sentAt?: Date; approvedBy?: string | null; approvedByName?: string } = {},
): Promise<AlertRow> {
  const { rows } = await tx.query<AlertRow>(
    `UPDATE alerts SET state = $2, sent_at = coalesce($3, sent_at), approved_by = coalesce($4, approved_by),
       approved_by_name = coalesce($5, approved_by_name) WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, state, extra.sentAt ?? null, extra.approvedBy ?? null, extra.approvedByName ?? null],
  );
  return rows[0];
}

/** Published alerts not yet expired (not Cancel messages), optionally only those whose bounds meet a box. */
export async function listActiveAlerts(db: Db, bbox?: [number, number, number, number]): Promise<AlertRow[]> {
  const { rows } = await db.query<AlertRow>(
    `SELECT ${COLUMNS} FROM alerts
      WHERE state = 'published' AND msg_type <> 'Cancel' AND expires > now()
        AND ($1::float8[] IS NULL OR (area_bounds[1] <= $1[3] AND area_bounds[3] >= $1[1]
             AND area_bounds[2] <= $1[4] AND area_bounds[4] >= $1[2]))
      ORDER BY sent_at DESC, alerts.id DESC LIMIT 200`,
    [bbox ?? null],
  );
  return rows;
}

/** The newest versions of every state, for the publishers' desk. */
export async function listRecentAlerts(db: Db, limit = 100): Promise<AlertRow[]> {
  const { rows } = await db.query<AlertRow>(`SELECT ${COLUMNS} FROM alerts ORDER BY alerts.id DESC LIMIT $1`, [limit]);
  return rows;
}

/** Scheduled alerts whose time has come, locked for this sweep (another server's sweep skips them). */
export async function takeDueScheduled(tx: Tx, now: Date): Promise<AlertRow[]> {
  const { rows } = await tx.query<AlertRow>(
    `SELECT ${COLUMNS} FROM alerts WHERE state = 'scheduled' AND publish_at <= $1
      ORDER BY publish_at LIMIT 100 FOR UPDATE SKIP LOCKED`,
    [now],
  );
  return rows;
}

/** Published alerts past their expiry whose expiry the feed has not been told, marked as told. */
export async function takeDueExpiries(tx: Tx, now: Date): Promise<AlertRow[]> {
  const { rows } = await tx.query<AlertRow>(
    `UPDATE alerts SET expiry_announced_at = $1 WHERE id IN (
       SELECT id FROM alerts WHERE state = 'published' AND msg_type <> 'Cancel' AND expires <= $1
          AND expiry_announced_at IS NULL ORDER BY expires LIMIT 100 FOR UPDATE SKIP LOCKED)
     RETURNING ${COLUMNS}`,
    [now],
  );
  return rows;
}

export interface CommuneAreaRow {
  code: string;
  name: string;
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
  display: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

/** Current communes by code (unknown codes are simply absent). */
export async function communesByCode(db: Db | Tx, codes: string[]): Promise<CommuneAreaRow[]> {
  const { rows } = await db.query<CommuneAreaRow>(
    `SELECT code, full_name AS name, geometry, coalesce(display_geometry, geometry) AS display
       FROM areas WHERE level = 'commune' AND effective_to IS NULL AND code = ANY($1::text[]) ORDER BY code`,
    [codes],
  );
  return rows;
}

/** Current communes with their names, for matching a schedule's area column (names or codes). */
export async function communeNames(db: Db): Promise<{ code: string; name: string; full_name: string }[]> {
  const { rows } = await db.query<{ code: string; name: string; full_name: string }>(
    `SELECT code, name, full_name FROM areas WHERE level = 'commune' AND effective_to IS NULL ORDER BY code`,
  );
  return rows;
}

export async function capSender(db: Db): Promise<string> {
  const { rows } = await db.query<{ value: string }>(`SELECT value FROM settings WHERE key = 'cap_sender'`);
  return rows[0]?.value ?? 'hientruong';
}

/** Drafts (waiting for approval or their time) that would replace `id`: withdrawn when `id` is cancelled. */
export async function withdrawDraftSuccessors(tx: Tx, id: string): Promise<number> {
  const { rowCount } = await tx.query(
    `UPDATE alerts SET state = 'cancelled' WHERE references_id = $1 AND state IN ('pending_approval', 'scheduled')`,
    [id],
  );
  return rowCount ?? 0;
}

export async function hasLiveSuccessor(tx: Tx, id: string): Promise<boolean> {
  const { rows } = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM alerts WHERE references_id = $1 AND (state <> 'cancelled' OR msg_type = 'Cancel')`,
    [id],
  );
  return rows[0].n > 0;
}
