// Pure canX(actor, subject) policies. Routes call these and nothing else to decide 401/403.
import { errors, type DomainError } from '../../domain/errors.ts';
import { DESK_ROLES, reportInRemit, scopeOfRole } from '../../domain/roles.ts';
import type { Actor, StaffActor } from './roles.ts';
import { REJECT_REASONS, ruleFor, type TransitionRule } from './transitions.ts';

/** The slice of a report a policy needs. */
export interface ReportScope {
  status: string;
  agency_id: string | null;
  unit_id: string | null;
  resolved_at: Date | null;
}
export interface UnitScope {
  id: string;
  agency_id: string;
}

const DESK: ReadonlySet<string> = new Set(DESK_ROLES);

export const isStaff = (a: Actor): a is StaffActor => a.kind === 'staff';
export const isDesk = (a: Actor): boolean => isStaff(a) && DESK.has(a.role);

/** Whether the staff member's remit covers this report (domain/roles.ts: the same rule the socket rooms follow). */
export function canSeeStaffReport(a: Actor, r: Pick<ReportScope, 'agency_id' | 'unit_id'>): boolean {
  return isStaff(a) && reportInRemit(a, { agencyId: r.agency_id, unitId: r.unit_id });
}

/** Reporter name and phone are for staff who act on reports; a wall in a public hall shows none (least privilege). */
export const canSeeReporterContact = (a: Actor): boolean => isStaff(a) && a.role !== 'wall_viewer';

/** Internal notes and the queue are for staff who act; the kiosk shows only what the wall needs. */
export const canViewQueue = (a: Actor): boolean => isStaff(a) && a.role !== 'wall_viewer';
export const canReadInternalTimeline = (a: Actor, r: ReportScope): boolean =>
  canViewQueue(a) && canSeeStaffReport(a, r);
export const canViewEscalations = (a: Actor): boolean =>
  isStaff(a) && (a.role === 'supervisor' || a.role === 'administrator');
export const canSuggestForReport = (a: Actor, r: ReportScope): boolean =>
  isStaff(a) && (DESK.has(a.role) || a.role === 'agency_officer') && canSeeStaffReport(a, r);
export const canMerge = (a: Actor): boolean => isDesk(a);
/** Staff see a report's photos at once; the desk (dispatcher, supervisor, administrator) clears them for the public. */
export const canViewPendingPhotos = (a: Actor): boolean => isStaff(a);
export const canModeratePhotos = (a: Actor): boolean => isDesk(a);
export const canViewUnits = (a: Actor): boolean => isStaff(a);
/** Hot spots are aggregates over every report, for every staff screen (the wall included); never public. */
export const canViewHotspots = (a: Actor): boolean => isStaff(a);
/** The wall's figures (every agency's overdue count): staff who see the whole province, walls included. */
export const canViewWallStats = (a: Actor): boolean => isStaff(a) && scopeOfRole(a.role) === 'province';
export const canListStaff = (a: Actor): boolean =>
  isStaff(a) && (a.role === 'administrator' || a.role === 'supervisor');
export const canManageStaff = (a: Actor): boolean => isStaff(a) && a.role === 'administrator';
/** A unit phone's token is a credential: only an administrator issues, lists or revokes one. */
export const canManageUnitTokens = (a: Actor): boolean => canManageStaff(a);
/** Replay rebuilds the whole province's map: province-wide staff (desk and walls), not agency or field officers. */
export const canReplayEvents = (a: Actor): boolean => isStaff(a) && (DESK.has(a.role) || a.role === 'wall_viewer');
/** Wall displays' kiosk tokens are credentials too. */
export const canManageWallTokens = (a: Actor): boolean => canManageStaff(a);
/** Open311 client keys, webhooks: what other systems may do here is an administrator's decision. */
export const canManageIntegrations = (a: Actor): boolean => isStaff(a) && a.role === 'administrator';
/** Supervisors read the integrations (clients, webhooks and their deliveries, mappings) without changing them. */
export const canViewIntegrations = (a: Actor): boolean =>
  isStaff(a) && (a.role === 'administrator' || a.role === 'supervisor');

/** The desk assigns anywhere; an agency officer assigns its agency's reports to its agency's units. */
export function canAssignUnit(a: Actor, r: ReportScope, u: UnitScope): boolean {
  if (!isStaff(a)) return false;
  if (DESK.has(a.role)) return true;
  return a.role === 'agency_officer' && r.agency_id === a.agencyId && u.agency_id === a.agencyId;
}

/** Whether the console offers Assign at all: a first assignment by the table, or a reassignment of work under way. */
export function canAssignFrom(a: Actor, r: ReportScope): boolean {
  if (!isStaff(a) || !canSeeStaffReport(a, r)) return false;
  if (r.status === 'assigned' || r.status === 'in_progress') return DESK.has(a.role) || a.role === 'agency_officer';
  return ruleFor(r.status, 'assigned')?.roles.includes(a.role) ?? false;
}

/** A position comes from the unit itself (its phone token or its field officer), or an administrator correcting it. */
export function canReportUnitPosition(a: Actor, u: UnitScope): boolean {
  if (!isStaff(a)) return false;
  return a.role === 'administrator' || (a.role === 'field_officer' && a.unitId === u.id);
}

export function canSetUnitStatus(a: Actor, u: UnitScope): boolean {
  if (!isStaff(a)) return false;
  if (DESK.has(a.role)) return true;
  if (a.role === 'agency_officer') return a.agencyId === u.agency_id;
  return a.role === 'field_officer' && a.unitId === u.id;
}

export interface TransitionRequest {
  to: string;
  reason?: string;
  note?: string;
  publicReply?: string;
}

export type Decision = { ok: true; rule: TransitionRule } | { ok: false; error: DomainError };

const deny = (error: DomainError): Decision => ({ ok: false, error });

/** Everything POST /transitions must say no to, in the order a caller should hear it. */
export function decideTransition(a: Actor, r: ReportScope, req: TransitionRequest, now: Date, via?: 'merge'): Decision {
  if (!isStaff(a)) return deny(errors.unauthenticated());
  const rule = ruleFor(r.status, req.to);
  if (!rule) return deny(errors.illegalTransition({ from: r.status, to: req.to }));
  if (!rule.roles.includes(a.role)) return deny(errors.roleMayNotMove({ role: a.role, to: req.to }));
  if (!canSeeStaffReport(a, r)) return deny(errors.outsideRemit());
  if (rule.via !== via) return deny(errors.useMerge(req.to));
  if (rule.withinHoursOfResolved !== undefined) {
    const resolved = r.resolved_at?.getTime() ?? 0;
    if (now.getTime() - resolved > rule.withinHoursOfResolved * 3_600_000)
      return deny(errors.reopenWindowPassed(rule.withinHoursOfResolved));
  }
  for (const field of rule.requires) {
    if (!req[field]?.trim()) return deny(errors.requiredToMove({ field, to: req.to }));
  }
  if (rule.to === 'rejected' && !(REJECT_REASONS as string[]).includes(req.reason ?? '')) {
    return deny(errors.badRejectReason(REJECT_REASONS));
  }
  return { ok: true, rule };
}
