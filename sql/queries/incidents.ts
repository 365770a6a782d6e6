// Incidents (merged reports) and duplicate candidates.
import { ENDED_STATUSES, type ReportStatus } from '../../domain/report-status.ts';
import type { Db, Tx } from '../db.ts';

export async function createIncident(tx: Tx, primaryReportId: string, category: string): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    'INSERT INTO incidents (primary_report_id, category) VALUES ($1,$2) RETURNING id::text',
    [primaryReportId, category],
  );
  return rows[0].id;
}

export async function incidentMembers(
  db: Db | Tx,
  incidentId: string,
): Promise<{ primaryReportId: string; reportIds: string[] }> {
  const { rows } = await db.query<{ primary_report_id: string; ids: string[] }>(
    `SELECT i.primary_report_id::text, array_agg(r.id::text ORDER BY r.id) AS ids
       FROM incidents i JOIN reports r ON r.incident_id = i.id WHERE i.id = $1 GROUP BY i.primary_report_id`,
    [incidentId],
  );
  return { primaryReportId: rows[0].primary_report_id, reportIds: rows[0].ids };
}

export interface DuplicateCandidateRow {
  id: string;
  tracking_code: string;
  category: string;
  status: ReportStatus;
  description: string;
  lat: number;
  lng: number;
  h3_cell: string;
  created_at: Date;
  incident_id: string | null;
  agency_id: string | null;
  /** The unit of its open assignment, for the same remit check as every other report route. */
  unit_id: string | null;
}

/**
 * Open reports of the category in the given stored cells within `windowHours` of `around`, excluding `excludeId`;
 * with `agencyId`, only that agency's (an agency officer's remit).
 */
export async function findDuplicateCandidates(
  db: Db,
  f: {
    excludeId: string;
    category: string;
    cells: string[];
    around: Date;
    windowHours: number;
    limit: number;
    agencyId?: string | null;
  },
): Promise<DuplicateCandidateRow[]> {
  const { rows } = await db.query<DuplicateCandidateRow>(
    `SELECT id::text, tracking_code, category, status, description, lat, lng, h3_cell::text, created_at, incident_id::text,
            agency_id, (SELECT a.unit_id FROM unit_assignments a WHERE a.report_id = reports.id AND a.released_at IS NULL) AS unit_id
       FROM reports
      WHERE category = $1 AND h3_cell = ANY($2::bigint[]) AND id <> $3 AND ($7::text IS NULL OR agency_id = $7)
        AND created_at BETWEEN $4::timestamptz - make_interval(hours => $5) AND $4::timestamptz + make_interval(hours => $5)
        AND status <> ALL($8::text[])
      ORDER BY abs(extract(epoch FROM created_at - $4::timestamptz)), reports.id LIMIT $6`,
    [f.category, f.cells, f.excludeId, f.around, f.windowHours, f.limit, f.agencyId ?? null, ENDED_STATUSES],
  );
  return rows;
}
