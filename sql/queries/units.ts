// Field units, their positions and assignments as stored.
import type { UnitStatus } from '../../domain/unit-status.ts';
import type { Db, Tx } from '../db.ts';

export interface UnitRow {
  id: string;
  agency_id: string;
  name: string;
  status: UnitStatus;
  lat: number | null;
  lng: number | null;
  h3_cell: string | null;
  position_at: Date | null;
  version: number;
  updated_at: Date;
  /** What the unit can do (roads, sanitation, ...); null: not said. */
  trade: string | null;
  /** Open assignments (report ids), newest first. */
  report_ids: string[];
}

const SELECT = `SELECT u.id, u.agency_id, u.name, u.status, u.lat, u.lng, u.h3_cell, u.position_at, u.version, u.updated_at, u.trade,
    coalesce((SELECT array_agg(a.report_id::text ORDER BY a.assigned_at DESC) FROM unit_assignments a
               WHERE a.unit_id = u.id AND a.released_at IS NULL), '{}') AS report_ids
  FROM units u`;

export async function findUnit(db: Db | Tx, id: string): Promise<UnitRow | null> {
  const { rows } = await db.query<UnitRow>(`${SELECT} WHERE u.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function lockUnit(tx: Tx, id: string): Promise<UnitRow | null> {
  const { rows } = await tx.query('SELECT id FROM units WHERE id = $1 FOR UPDATE', [id]);
  return rows[0] ? findUnit(tx, id) : null;
}

export async function listUnits(db: Db, f: { agencyId?: string | null; statuses?: string[] } = {}): Promise<UnitRow[]> {
  const { rows } = await db.query<UnitRow>(
    `${SELECT} WHERE ($1::text IS NULL OR u.agency_id = $1) AND ($2::text[] IS NULL OR u.status = ANY($2)) ORDER BY u.agency_id, u.id`,
    [f.agencyId ?? null, f.statuses ?? null],
  );
  return rows;
}

export interface NewUnit {
  id: string;
  agencyId: string;
  name: string;
  status: string;
  lat: number | null;
  lng: number | null;
  h3Cell: bigint | null;
  trade?: string | null;
}

export async function insertUnitIfMissing(db: Db | Tx, u: NewUnit): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO units (id, agency_id, name, status, lat, lng, h3_cell, position_at, trade)
     VALUES ($1,$2,$3,$4,$5,$6,$7, CASE WHEN $5::float8 IS NULL THEN NULL ELSE now() END, $8) ON CONFLICT (id) DO NOTHING`,
    [u.id, u.agencyId, u.name, u.status, u.lat, u.lng, u.h3Cell === null ? null : String(u.h3Cell), u.trade ?? null],
  );
  return (rowCount ?? 0) > 0;
}

export async function updateUnit(
  tx: Tx,
  id: string,
  c: { status?: string; lat?: number; lng?: number; h3Cell?: bigint },
): Promise<UnitRow> {
  await tx.query(
    `UPDATE units SET status = coalesce($2, status), lat = coalesce($3, lat), lng = coalesce($4, lng), h3_cell = coalesce($5, h3_cell),
        position_at = CASE WHEN $3::float8 IS NULL THEN position_at ELSE now() END, version = version + 1, updated_at = now()
      WHERE id = $1`,
    [id, c.status ?? null, c.lat ?? null, c.lng ?? null, c.h3Cell === undefined ? null : String(c.h3Cell)],
  );
  return (await findUnit(tx, id))!;
}

export async function openAssignment(tx: Tx, unitId: string, reportId: string, by: string | null): Promise<void> {
  await tx.query('UPDATE unit_assignments SET released_at = now() WHERE report_id = $1 AND released_at IS NULL', [
    reportId,
  ]);
  await tx.query('INSERT INTO unit_assignments (unit_id, report_id, assigned_by) VALUES ($1,$2,$3)', [
    unitId,
    reportId,
    by,
  ]);
}

/** Closes the report's open assignment; returns the unit it was on, if any. */
export async function releaseAssignment(tx: Tx, reportId: string): Promise<string | null> {
  const { rows } = await tx.query<{ unit_id: string }>(
    'UPDATE unit_assignments SET released_at = now() WHERE report_id = $1 AND released_at IS NULL RETURNING unit_id',
    [reportId],
  );
  return rows[0]?.unit_id ?? null;
}
