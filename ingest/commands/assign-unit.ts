// assignUnit: one action for the dispatcher: the report goes to `assigned` (or is reassigned) and the unit is en route.
import { RESOLUTION_STATUSES } from '../../domain/report-status.ts';
import { withTransaction, type Db } from '../../sql/db.ts';
import { appendTimeline, updateReportStatus, type DispatchReportRow } from '../../sql/queries/dispatch-reports.ts';
import { lockUnit, openAssignment, releaseAssignment, updateUnit, type UnitRow } from '../../sql/queries/units.ts';
import { errors } from '../../domain/errors.ts';
import { canAssignUnit, decideTransition } from '../policies/permissions.ts';
import type { StaffActor } from '../policies/roles.ts';
import { appendChangeEvents, timelineActor } from './change-events.ts';
import { decisionError, lockedReportOr404 } from './transition-report.ts';
import { staffCommand } from './command.ts';

export interface AssignInput {
  reportId: string;
  unitId: string;
  note?: string;
}

const REASSIGNABLE: ReadonlySet<string> = new Set(RESOLUTION_STATUSES);

export const assignUnit = staffCommand('assign_units', runAssignUnit);
async function runAssignUnit(
  db: Db,
  actor: StaffActor,
  input: AssignInput,
  sensitive: ReadonlySet<string>,
): Promise<{ report: DispatchReportRow; unit: UnitRow }> {
  return withTransaction(db, async (tx) => {
    const before = await lockedReportOr404(tx, input.reportId);
    const unit = await lockUnit(tx, input.unitId);
    if (!unit) throw errors.noSuchUnit();
    if (!canAssignUnit(actor, before, unit)) throw errors.mayNotAssign();
    if (!REASSIGNABLE.has(before.status)) {
      const d = decideTransition(actor, before, { to: 'assigned', note: input.note }, new Date());
      if (!d.ok) throw decisionError(d);
    }
    if (before.unit_id === unit.id) throw errors.alreadyAssigned();
    if (unit.status !== 'available') throw errors.unitBusy({ unitId: unit.id, status: unit.status });
    // Taking a report off a unit that may already be on its way is a decision someone must explain.
    if (before.unit_id && !input.note?.trim()) throw errors.reassignNeedsNote();

    const units: UnitRow[] = [];
    if (before.unit_id) {
      await releaseAssignment(tx, before.id);
      if (await lockUnit(tx, before.unit_id)) units.push(await updateUnit(tx, before.unit_id, { status: 'available' }));
    }
    await openAssignment(tx, unit.id, before.id, actor.userId);
    units.push(await updateUnit(tx, unit.id, { status: 'en_route' }));
    // The unit's agency now owns the report: agency officers of that agency see it.
    const report = await updateReportStatus(tx, before.id, { status: 'assigned', agencyId: unit.agency_id });
    await appendTimeline(tx, {
      reportId: before.id,
      ...timelineActor(actor),
      from: before.status,
      to: 'assigned',
      internalNote: input.note ?? null,
      unitId: unit.id,
    });
    await appendChangeEvents(tx, sensitive, [report], units);
    return { report, unit: units[units.length - 1] };
  });
}
