// THE workflow table: every legal move of a report, who may make it and what it must carry.
// Enforced by decideTransition() on the server; the console only mirrors it.
import { RESPONSE_STATUSES, type ReportStatus } from '../../domain/report-status.ts';
import { DESK_ROLES, type Role } from '../../domain/roles.ts';

export type RejectReason = 'duplicate' | 'not_competent' | 'insufficient_info' | 'spam';
export const REJECT_REASONS: readonly RejectReason[] = ['duplicate', 'not_competent', 'insufficient_info', 'spam'];

export type RequiredField = 'reason' | 'note' | 'publicReply';

export interface TransitionRule {
  from: ReportStatus[];
  to: ReportStatus;
  roles: Role[];
  requires: RequiredField[];
  /** A move made by another command (merge, assign a unit), not by POST /transitions. */
  via?: 'merge';
  /** Only within this long after the report was resolved. */
  withinHoursOfResolved?: number;
}

const DESK: Role[] = [...DESK_ROLES];
const ACTING: Role[] = [...DESK, 'agency_officer'];
const IN_FIELD: Role[] = [...ACTING, 'field_officer'];
/** Waiting for the desk (the response phase): it may triage, assign, reject or merge. */
const WAITING: ReportStatus[] = [...RESPONSE_STATUSES];
export const REOPEN_WINDOW_HOURS = 7 * 24;

export const TRANSITIONS: readonly TransitionRule[] = [
  { from: ['received', 'reopened'], to: 'triaged', roles: DESK, requires: [] },
  { from: WAITING, to: 'assigned', roles: DESK, requires: [] },
  // The agency bounces a report it cannot act on back to the desk, saying why.
  { from: ['assigned'], to: 'triaged', roles: ACTING, requires: ['note'] },
  { from: ['assigned'], to: 'in_progress', roles: IN_FIELD, requires: [] },
  // A citizen is always answered: resolving needs the public reply.
  { from: ['assigned', 'in_progress'], to: 'resolved', roles: IN_FIELD, requires: ['publicReply'] },
  { from: ['resolved'], to: 'closed', roles: DESK, requires: [] },
  { from: WAITING, to: 'rejected', roles: DESK, requires: ['reason'] },
  { from: ['resolved'], to: 'reopened', roles: DESK, requires: ['note'], withinHoursOfResolved: REOPEN_WINDOW_HOURS },
  { from: ['closed', 'rejected'], to: 'reopened', roles: ['administrator', 'supervisor'], requires: ['note'] },
  { from: WAITING, to: 'merged', roles: DESK, requires: [], via: 'merge' },
];

export function ruleFor(from: string, to: string): TransitionRule | null {
  return TRANSITIONS.find((t) => t.to === to && (t.from as string[]).includes(from)) ?? null;
}

export function allowedTargets(from: string, role: Role): ReportStatus[] {
  return TRANSITIONS.filter((t) => !t.via && (t.from as string[]).includes(from) && t.roles.includes(role)).map(
    (t) => t.to,
  );
}
