// updateUnit: a unit's phone reports where it is (and optionally its status); the map moves live.
import { cellAt, cellToBigint } from '../../geo/h3.ts';
import { withTransaction, type Db } from '../../sql/db.ts';
import { lockUnit, updateUnit as writeUnit, type UnitRow } from '../../sql/queries/units.ts';
import { errors } from '../../domain/errors.ts';
import { canReportUnitPosition, canSetUnitStatus } from '../policies/permissions.ts';
import type { StaffActor } from '../policies/roles.ts';
import { appendChangeEvents } from './change-events.ts';
import { staffCommand } from './command.ts';

export interface UnitUpdateInput {
  unitId: string;
  lat?: number;
  lng?: number;
  status?: string;
}

export const updateUnitState = staffCommand('act_as_staff', runUpdateUnitState);
async function runUpdateUnitState(db: Db, actor: StaffActor, input: UnitUpdateInput): Promise<UnitRow> {
  return withTransaction(db, async (tx) => {
    const unit = await lockUnit(tx, input.unitId);
    if (!unit) throw errors.notFound('unit');
    const moving = input.lat !== undefined && input.lng !== undefined;
    if (moving && !canReportUnitPosition(actor, unit)) throw errors.onlyUnitReportsPosition();
    if (input.status && !canSetUnitStatus(actor, unit)) throw errors.mayNotChangeUnit();
    const after = await writeUnit(tx, unit.id, {
      status: input.status,
      ...(moving ? { lat: input.lat, lng: input.lng, h3Cell: cellToBigint(cellAt(input.lat!, input.lng!)) } : {}),
    });
    await appendChangeEvents(tx, new Set(), [], [after]);
    return after;
  });
}
