// The statuses a report moves through, in workflow order, and the phase each belongs to.
// Every other list of statuses (SLA, queue, SQL filters, dashboard) is derived from this one.

/**
 * response: waiting for the desk to act (the SLA's response deadline runs); resolution: an agency or unit
 * is on it (the resolution deadline runs); answered: resolved, the citizen told, waiting to be closed;
 * ended: closed, rejected or merged into another report.
 */
export type ReportPhase = 'response' | 'resolution' | 'answered' | 'ended';

const PHASE_OF = {
  received: 'response',
  triaged: 'response',
  reopened: 'response',
  assigned: 'resolution',
  in_progress: 'resolution',
  resolved: 'answered',
  closed: 'ended',
  rejected: 'ended',
  merged: 'ended',
} as const satisfies Record<string, ReportPhase>;

export type ReportStatus = keyof typeof PHASE_OF;

export const REPORT_STATUSES = Object.keys(PHASE_OF) as ReportStatus[];

export const isReportStatus = (value: unknown): value is ReportStatus =>
  typeof value === 'string' && Object.hasOwn(PHASE_OF, value);

/** A status read back from storage; anything else there is a broken invariant, not input to answer. */
export function parseReportStatus(value: unknown): ReportStatus {
  if (!isReportStatus(value)) throw new TypeError(`not a report status: ${String(value)}`);
  return value;
}

export const phaseOf = (status: ReportStatus): ReportPhase => PHASE_OF[status];

export const statusesIn = (...phases: ReportPhase[]): ReportStatus[] =>
  REPORT_STATUSES.filter((s) => phases.includes(PHASE_OF[s]));

/** Still someone's work: what the queue shows by default and what a duplicate may be merged into. */
export const OPEN_STATUSES: readonly ReportStatus[] = statusesIn('response', 'resolution', 'answered');
/** The SLA's response deadline applies (nobody is assigned yet). */
export const RESPONSE_STATUSES: readonly ReportStatus[] = statusesIn('response');
/** An agency or unit is on it: the resolution deadline applies, and the unit can be changed. */
export const RESOLUTION_STATUSES: readonly ReportStatus[] = statusesIn('resolution');
/** The citizen has had an answer: resolved, or closed after it (closing only follows resolving). */
export const ANSWERED_STATUSES: readonly ReportStatus[] = ['resolved', 'closed'];
/** Not a problem on the ground of its own (refused, or folded into another report): never counted as one. */
export const DISCARDED_STATUSES: readonly ReportStatus[] = ['rejected', 'merged'];
/** Nothing more happens unless it is reopened. */
export const ENDED_STATUSES: readonly ReportStatus[] = statusesIn('ended');
