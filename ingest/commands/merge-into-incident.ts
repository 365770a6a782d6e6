// mergeIntoIncident: a duplicate joins the incident of the report it repeats; its reporter then follows that incident.
import { withTransaction, type Db } from '../../sql/db.ts';
import { appendTimeline, updateReportStatus, type DispatchReportRow } from '../../sql/queries/dispatch-reports.ts';
import { createIncident, incidentMembers } from '../../sql/queries/incidents.ts';
import { HttpError } from '../http-error.ts';
import { canMerge, decideTransition, isStaff } from '../policies/permissions.ts';
import type { Actor } from '../policies/roles.ts';
import { appendChangeEvents, timelineActor } from './change-events.ts';
import { decisionError, lockedReportOr404 } from './transition-report.ts';

export interface MergeInput {
  reportId: string;
  intoReportId: string;
  note?: string;
}

const CLOSED = new Set(['merged', 'rejected', 'closed']);

export async function mergeIntoIncident(
  db: Db,
  actor: Actor,
  input: MergeInput,
  sensitive: ReadonlySet<string>,
): Promise<{ report: DispatchReportRow; primary: DispatchReportRow }> {
  if (!isStaff(actor)) throw new HttpError(401, 'unauthenticated', 'Sign in as staff', 'Cần đăng nhập cán bộ');
  if (!canMerge(actor))
    throw new HttpError(
      403,
      'forbidden',
      `Role ${actor.role} may not merge reports`,
      'Vai trò của bạn không được gộp phản ánh',
    );
  if (input.reportId === input.intoReportId)
    throw new HttpError(422, 'validation_failed', 'into: must be another report', 'Không thể gộp vào chính nó', [
      { field: 'into', reason: 'must be another report' },
    ]);
  return withTransaction(db, async (tx) => {
    // Lock in id order so two opposite merges cannot deadlock.
    const [first, second] = [input.reportId, input.intoReportId].sort((a, b) => Number(BigInt(a) - BigInt(b)));
    const locked = new Map([
      [first, await lockedReportOr404(tx, first)],
      [second, await lockedReportOr404(tx, second)],
    ]);
    const dup = locked.get(input.reportId)!;
    let target = locked.get(input.intoReportId)!;
    // Merging into a member of an incident means merging into that incident.
    if (target.status === 'merged' && target.incident_id) {
      const members = await incidentMembers(tx, target.incident_id);
      target = await lockedReportOr404(tx, members.primaryReportId);
    }
    if (CLOSED.has(target.status))
      throw new HttpError(
        409,
        'target_closed',
        `Cannot merge into a ${target.status} report`,
        'Không thể gộp vào phản ánh đã đóng',
      );
    const d = decideTransition(actor, dup, { to: 'merged' }, new Date(), 'merge');
    if (!d.ok) throw decisionError(d);
    if (dup.incident_id && (await incidentMembers(tx, dup.incident_id)).primaryReportId === dup.id) {
      throw new HttpError(
        409,
        'is_incident_primary',
        'This report leads an incident: merge the others into it instead',
        'Phản ánh này là phản ánh chính của một vụ việc',
      );
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
    await appendChangeEvents(tx, sensitive, changed);
    const primary = changed.find((r) => r.id === target.id) ?? target;
    return { report, primary };
  });
}
