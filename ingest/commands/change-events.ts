// The events a dispatch change appends (report and unit notices) and the actor as the timeline records it.
import type { NewEvent, UnitEventPayload } from '../../domain/events.ts';
import { bigintToCell } from '../../geo/h3.ts';
import type { Tx } from '../../sql/db.ts';
import { appendEvents } from '../../sql/queries/events.ts';
import type { DispatchReportRow } from '../../sql/queries/dispatch-reports.ts';
import type { UnitRow } from '../../sql/queries/units.ts';
import type { StaffActor } from '../policies/roles.ts';
import { reportEventPayload } from './create-reports.ts';

export const timelineActor = (a: StaffActor) => ({ actorId: a.userId, actorName: a.name, actorRole: a.role });

export function unitEventPayload(u: UnitRow): UnitEventPayload {
  return {
    unitId: u.id,
    agencyId: u.agency_id,
    name: u.name,
    status: u.status,
    lat: u.lat,
    lng: u.lng,
    cell: u.h3_cell ? bigintToCell(u.h3_cell) : null,
    version: u.version,
    reportIds: u.report_ids,
    at: u.updated_at.toISOString(),
  };
}

export async function appendChangeEvents(
  tx: Tx,
  sensitive: ReadonlySet<string>,
  reports: DispatchReportRow[],
  units: UnitRow[] = [],
): Promise<void> {
  await appendEvents(tx, [
    ...reports.map((r): NewEvent => ({
      reportId: r.id,
      kind: 'report.updated',
      payload: reportEventPayload(r, sensitive.has(r.category)),
    })),
    ...units.map((u): NewEvent => ({ reportId: null, kind: 'unit.updated', payload: unitEventPayload(u) })),
  ]);
}
