// mergeIntoIncident: a duplicate joins the incident of the report it repeats; its reporter then follows that incident.
import { ENDED_STATUSES } from '../../domain/report-status.ts';
import { withTransaction, type Db, type Tx } from '../../sql/db.ts';
import {
  appendTimeline,
  findDispatchReport,
  updateReportStatus,
  type DispatchReportRow,
} from '../../sql/queries/dispatch-reports.ts';
import { createIncident, incidentMembers } from '../../sql/queries/incidents.ts';
import { errors } from '../../domain/errors.ts';
import { decideTransition } from '../policies/permissions.ts';
import type { StaffActor } from '../policies/roles.ts';
import { appendChangeEvents, timelineActor } from './change-events.ts';
import { decisionError, lockedReportOr404 } from './transition-report.ts';
import { staffCommand } from './command.ts';

export interface MergeInput {
  reportId: string;
  intoReportId: string;
  note?: string;
}

const CLOSED: ReadonlySet<string> = new Set(ENDED_STATUSES);
/** Ids as numbers, so "0199" and "199" are the same report. */
export const canonicalId = (id: string): string => BigInt(id).toString();

const cycle = () => errors.mergeCycle();

/** Locks reports in id order, so two opposite merges (or a bulk merge) cannot deadlock. */
export async function lockInIdOrder(tx: Tx, ids: string[]): Promise<Map<string, DispatchReportRow>> {
  const locked = new Map<string, DispatchReportRow>();
  const sorted = [...new Set(ids.map(canonicalId))].sort((a, b) => Number(BigInt(a) - BigInt(b)));
  for (const id of sorted) locked.set(id, await lockedReportOr404(tx, id));
  return locked;
}

export const mergeIntoIncident = staffCommand('merge_reports', runMergeIntoIncident);
async function runMergeIntoIncident(
  db: Db,
  actor: StaffActor,
  input: MergeInput,
  sensitive: ReadonlySet<string>,
): Promise<{ report: DispatchReportRow; primary: DispatchReportRow }> {
  const staff = actor;
  if (canonicalId(input.reportId) === canonicalId(input.intoReportId)) throw cycle();
  return withTransaction(db, async (tx) => {
    await lockInIdOrder(tx, [input.reportId, input.intoReportId]);
    const { report, primary, changed } = await mergeLocked(tx, staff, input);
    await appendChangeEvents(tx, sensitive, changed);
    return { report, primary };
  });
}

/** One merge of reports already locked in `tx`; the caller appends the events of `changed`. */
export async function mergeLocked(
  tx: Tx,
  actor: StaffActor,
  input: MergeInput,
): Promise<{ report: DispatchReportRow; primary: DispatchReportRow; changed: DispatchReportRow[] }> {
  const dup = await lockedReportOr404(tx, canonicalId(input.reportId));
  let target = await lockedReportOr404(tx, canonicalId(input.intoReportId));
  // Merging into a member of an incident means merging into that incident.
  if (target.status === 'merged' && target.incident_id) {
    const members = await incidentMembers(tx, target.incident_id);
    target = await lockedReportOr404(tx, members.primaryReportId);
  }
  if (target.id === dup.id) throw cycle();
  if (CLOSED.has(target.status)) throw errors.targetClosed(target.status);
  const d = decideTransition(actor, dup, { to: 'merged' }, new Date(), 'merge');
  if (!d.ok) throw decisionError(d);
  if (dup.incident_id && (await incidentMembers(tx, dup.incident_id)).primaryReportId === dup.id) {
    throw errors.isIncidentPrimary();
  }
  const changed: DispatchReportRow[] = [];
  let incidentId = target.incident_id;
  if (!incidentId) {
    incidentId = await createIncident(tx, target.id, target.category);
    changed.push(await updateReportStatus(tx, target.id, { status: target.status, incidentId }));
  }
  const report = await updateReportStatus(tx, dup.id, { status: 'merged', incidentId });
  changed.unshift(report);
  await appendTimeline(tx, {
    reportId: dup.id,
    ...timelineActor(actor),
    from: dup.status,
    to: 'merged',
    internalNote: input.note ?? null,
    incidentId,
  });
  await appendTimeline(tx, {
    reportId: target.id,
    ...timelineActor(actor),
    from: target.status,
    to: target.status,
    internalNote: `merged ${dup.tracking_code}`,
    incidentId,
  });
  // Read again: the incident has one more member than when the target was locked.
  const primary = (await findDispatchReport(tx, target.id))!;
  return { report, primary, changed };
}
