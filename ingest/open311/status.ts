// How the product's workflow reads in Open311: the spec's open/closed, and FixMyStreet's finer update statuses.
import { REPORT_STATUSES, type ReportStatus } from '../../domain/report-status.ts';

export type Open311Status = 'open' | 'closed';

/** One row per workflow status; README's "Open311 status mapping" table is this table. */
export const OPEN311_STATUS: Record<ReportStatus, { status: Open311Status; update: string }> = {
  received: { status: 'open', update: 'open' },
  triaged: { status: 'open', update: 'investigating' },
  assigned: { status: 'open', update: 'action_scheduled' },
  in_progress: { status: 'open', update: 'in_progress' },
  reopened: { status: 'open', update: 'open' },
  resolved: { status: 'closed', update: 'fixed' },
  closed: { status: 'closed', update: 'closed' },
  rejected: { status: 'closed', update: 'no_further_action' },
  merged: { status: 'closed', update: 'duplicate' },
};

/** A rejection says why in FixMyStreet's words when it has them. */
const REJECTED_AS: Record<string, string> = {
  duplicate: 'duplicate',
  not_competent: 'not_councils_responsibility',
};

export const open311StatusOf = (status: ReportStatus): Open311Status => OPEN311_STATUS[status].status;

export function updateStatusOf(status: ReportStatus, rejectReason: string | null): string {
  if (status === 'rejected' && rejectReason && REJECTED_AS[rejectReason]) return REJECTED_AS[rejectReason];
  return OPEN311_STATUS[status].update;
}

/** The workflow statuses behind `status=open` or `status=closed`. */
export const statusesOf = (s: Open311Status): ReportStatus[] =>
  REPORT_STATUSES.filter((k) => OPEN311_STATUS[k].status === s);

/** Vietnam keeps UTC+7 all year: Open311 datetimes are written with that offset, e.g. 2026-12-05T09:30:00+07:00. */
const OFFSET_MS = 7 * 3_600_000;
export function isoWithOffset(date: Date | string): string {
  const d = new Date(date);
  return new Date(d.getTime() + OFFSET_MS).toISOString().replace(/\.\d{3}Z$/, '+07:00');
}
