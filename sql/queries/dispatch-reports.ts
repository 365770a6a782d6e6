// Reports as the dispatch workflow reads and changes them: status, deadlines, incident, assigned unit.
import { ANSWERED_STATUSES, type ReportStatus } from '../../domain/report-status.ts';
import type { Db, Tx } from '../db.ts';
import type { ReportRow } from './reports.ts';

export interface DispatchReportRow extends ReportRow {
  response_due_at: Date | null;
  due_at: Date | null;
  incident_id: string | null;
  reject_reason: string | null;
  resolved_at: Date | null;
  unit_id: string | null;
  /** Status of the incident's primary report when this one is merged into an incident. */
  incident_status: ReportStatus | null;
  incident_size: number | null;
  priority: number | null;
}

/** The columns of a DispatchReportRow over `reports r`, for queries that add their own FROM and WHERE. */
export const DISPATCH_COLUMNS = `r.id, r.tracking_code, r.category, r.description, r.lat, r.lng, r.h3_cell, r.area_code, r.area_name,
    r.province_code, r.agency_id, r.status, r.needs_triage, r.reporter_name, r.reporter_phone, r.anonymous, r.version,
    r.answers,
    r.created_at, r.updated_at, r.response_due_at, r.due_at, r.incident_id, r.reject_reason, r.resolved_at,
    (SELECT unit_id FROM unit_assignments a WHERE a.report_id = r.id AND a.released_at IS NULL) AS unit_id,
    (SELECT p.status FROM incidents i JOIN reports p ON p.id = i.primary_report_id WHERE i.id = r.incident_id) AS incident_status,
    (SELECT count(*)::int FROM reports m WHERE m.incident_id = r.incident_id) AS incident_size, r.priority`;

const SELECT = `SELECT ${DISPATCH_COLUMNS} FROM reports r`;

export async function findDispatchReport(db: Db | Tx, id: string): Promise<DispatchReportRow | null> {
  const { rows } = await db.query<DispatchReportRow>(`${SELECT} WHERE r.id = $1`, [id]);
  return rows[0] ?? null;
}

/** Locks the report row for the rest of the transaction so two operators cannot both move it. */
export async function lockReport(tx: Tx, id: string): Promise<DispatchReportRow | null> {
  const { rows } = await tx.query<{ id: string }>('SELECT id FROM reports WHERE id = $1 FOR UPDATE', [id]);
  return rows[0] ? findDispatchReport(tx, id) : null;
}

export interface StatusChange {
  status: ReportStatus;
  rejectReason?: string | null;
  agencyId?: string | null;
  incidentId?: string | null;
  resolvedAt?: 'now' | null;
  /** Restart both deadlines from now (a reopened report gets a fresh SLA). */
  restartSla?: boolean;
}

/** Writes the new status, bumps version and updated_at; returns the row as the event needs it. */
export async function updateReportStatus(tx: Tx, id: string, c: StatusChange): Promise<DispatchReportRow> {
  await tx.query(
    `UPDATE reports r SET status = $2, version = version + 1, updated_at = now(),
        reject_reason = CASE WHEN $2 = 'rejected' THEN $3 ELSE NULL END,
        agency_id = coalesce($4, agency_id),
        incident_id = coalesce($5, incident_id),
        resolved_at = CASE WHEN $6 THEN now() WHEN $2 = ANY($8::text[]) THEN resolved_at ELSE NULL END,
        response_due_at = CASE WHEN $7 THEN (SELECT sla_deadline(now(), s.response_amount, s.response_unit)
                                               FROM sla_rule_for(r.category, r.priority) s)
                          ELSE response_due_at END,
        due_at = CASE WHEN $7 THEN (SELECT sla_deadline(now(), s.resolution_amount, s.resolution_unit)
                                    FROM sla_rule_for(r.category, r.priority) s)
                 ELSE due_at END
      WHERE r.id = $1`,
    [
      id,
      c.status,
      c.rejectReason ?? null,
      c.agencyId ?? null,
      c.incidentId ?? null,
      c.resolvedAt === 'now',
      c.restartSla ?? false,
      ANSWERED_STATUSES,
    ],
  );
  return (await findDispatchReport(tx, id))!;
}

export interface TimelineEntry {
  reportId: string;
  actorId: string | null;
  actorName: string;
  actorRole: string;
  from: string;
  to: string;
  reason?: string | null;
  internalNote?: string | null;
  publicReply?: string | null;
  unitId?: string | null;
  incidentId?: string | null;
}

export interface TimelineRow {
  id: string;
  report_id: string;
  at: Date;
  actor_name: string;
  actor_role: string;
  from_status: ReportStatus;
  to_status: ReportStatus;
  reason: string | null;
  internal_note: string | null;
  public_reply: string | null;
  unit_id: string | null;
  incident_id: string | null;
}

export async function appendTimeline(tx: Tx, e: TimelineEntry): Promise<void> {
  await tx.query(
    `INSERT INTO report_timeline (report_id, actor_id, actor_name, actor_role, from_status, to_status, reason, internal_note, public_reply, unit_id, incident_id)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
    [
      e.reportId,
      e.actorId,
      e.actorName,
      e.actorRole,
      e.from,
      e.to,
      e.reason ?? null,
      e.internalNote ?? null,
      e.publicReply ?? null,
      e.unitId ?? null,
      e.incidentId ?? null,
    ],
  );
}

export async function listTimeline(db: Db, reportId: string): Promise<TimelineRow[]> {
  const { rows } = await db.query<TimelineRow>(
    `SELECT id, report_id, at, actor_name, actor_role, from_status, to_status, reason, internal_note, public_reply, unit_id, incident_id::text
       FROM report_timeline WHERE report_id = $1 ORDER BY at, id`,
    [reportId],
  );
  return rows;
}
