// Allowlists for the dispatch console: queue items, timelines (public vs staff), units, sessions.
import type { DispatchReportRow, TimelineRow } from '../../sql/queries/dispatch-reports.ts';
import type { UnitRow } from '../../sql/queries/units.ts';
import type { UnitTokenRow } from '../../sql/queries/unit-tokens.ts';
import type { Actor } from '../policies/roles.ts';
import { allowedTargets, ruleFor } from '../policies/transitions.ts';
import { canAssignFrom, canMerge } from '../policies/permissions.ts';
import { slaState } from '../policies/sla.ts';
import type { QueueItemDTO, SessionDTO, SlaDTO, TimelineEntryDTO, UnitDTO, UnitTokenDTO } from './dto.ts';
import { presentStaffReport } from './report-presenters.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentSla(r: DispatchReportRow, now: Date): SlaDTO {
  const s = slaState(r, now);
  return { phase: s.phase, dueAt: iso(s.dueAt), atRiskAt: iso(s.atRiskAt), overdue: s.overdue, atRisk: s.atRisk };
}

export function presentQueueItem(r: DispatchReportRow, actor: Actor, now: Date): QueueItemDTO {
  return {
    ...presentStaffReport(r),
    responseDueAt: iso(r.response_due_at),
    dueAt: iso(r.due_at),
    sla: presentSla(r, now),
    unitId: r.unit_id,
    incidentId: r.incident_id,
    incidentStatus: r.incident_status ?? null,
    incidentSize: r.incident_size,
    rejectReason: r.reject_reason,
    allowedTransitions: actor.kind === 'staff' ? allowedTargets(r.status, actor.role) : [],
    priority: r.priority ?? null,
    canAssign: canAssignFrom(actor, r),
    canMerge: canMerge(actor) && ruleFor(r.status, 'merged') !== null,
  };
}

/** The public sees the receipt, status changes and public replies, never who did it, internal notes or units. */
export function presentTimeline(rows: TimelineRow[], staff: boolean): TimelineEntryDTO[] {
  return rows
    .filter((t) => staff || t.from_status !== t.to_status || t.public_reply || t.actor_role === 'reporter')
    .map((t) => {
      const base: TimelineEntryDTO = {
        id: t.id,
        at: t.at.toISOString(),
        from: t.from_status,
        to: t.to_status,
        reason: t.reason,
        publicReply: t.public_reply,
      };
      return staff
        ? {
            ...base,
            actor: { name: t.actor_name, role: t.actor_role },
            internalNote: t.internal_note,
            unitId: t.unit_id,
            incidentId: t.incident_id,
          }
        : base;
    });
}

export function presentUnit(u: UnitRow & { distanceM?: number; matchesRouting?: boolean }): UnitDTO {
  return {
    id: u.id,
    agencyId: u.agency_id,
    name: u.name,
    status: u.status,
    lat: u.lat,
    lng: u.lng,
    positionAt: iso(u.position_at),
    version: u.version,
    reportIds: u.report_ids,
    trade: u.trade ?? null,
    ...(u.distanceM !== undefined ? { distanceM: u.distanceM } : {}),
    ...(u.matchesRouting !== undefined ? { matchesRouting: u.matchesRouting } : {}),
  };
}

export function presentUnitToken(t: UnitTokenRow): UnitTokenDTO {
  return {
    id: t.id,
    unitId: t.unit_id,
    label: t.label,
    demo: t.demo,
    createdAt: t.created_at.toISOString(),
    revokedAt: iso(t.revoked_at),
  };
}

export function presentSession(
  actor: Actor,
  csrfToken: string | null,
  socketToken: string | null,
  username: string | null,
): SessionDTO {
  if (actor.kind !== 'staff') return { audience: 'public', user: null, csrfToken: null, socketToken: null };
  return {
    audience: 'staff',
    user: {
      id: actor.userId,
      username,
      name: actor.name,
      role: actor.role,
      agencyId: actor.agencyId,
      unitId: actor.unitId,
    },
    csrfToken,
    socketToken,
  };
}
