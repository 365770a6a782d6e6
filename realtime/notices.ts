// Event row -> the notice each audience may receive. The public one coarsens or drops the location.
import { HOTSPOT_EVENT_KIND, type HotspotEventPayload } from '../domain/hotspot-event.ts';
import { parentCell } from '../geo/h3.ts';
import { mayPublishReportRow, publicCellIdOf } from '../geo/privacy.ts';
import { isReportEventKind, type ReportEventPayload, type UnitEventPayload } from '../domain/events.ts';
import type { EventRow } from '../sql/queries/events.ts';
import type { Audience, HotspotNotice, ReportNotice, UnitNotice } from './protocol.ts';
import { AREA_CELL_RES, type EventScope } from './rooms.ts';

export function presentNotice(event: EventRow, audience: Audience): ReportNotice | null {
  if (!isReportEventKind(event.kind)) return null;
  const p = event.payload as unknown as ReportEventPayload;
  // A sensitive report has no public row anywhere, live notices included (geo/privacy.ts).
  if (audience !== 'staff' && !mayPublishReportRow(p.sensitive)) return null;
  // Same rule and basis as the HTTP public presenter, so live and snapshot positions agree.
  const cell = audience === 'staff' ? p.cell : publicCellIdOf(p.cell, p.sensitive);
  // Built field by field: nothing reaches a client that is not named here.
  return {
    eventId: event.id,
    kind: event.kind,
    reportId: p.reportId,
    code: p.code,
    category: p.category,
    status: p.status,
    version: p.version,
    cell,
    areaCode: p.areaCode,
    at: p.at,
  };
}

/**
 * Who may hear an event: its agency, its unit, and its res-5 area cell unless the public may not see where it is.
 * `withArea: false` skips the cell (an H3 call) when no area room exists to hear it.
 */
export function scopeOf(event: EventRow, withArea = true): EventScope {
  const p = event.payload as unknown as Partial<ReportEventPayload>;
  const areaCell = withArea && !p.sensitive && typeof p.cell === 'string' ? parentCell(p.cell, AREA_CELL_RES) : null;
  return { agencyId: p.agencyId ?? null, unitId: p.unitId ?? null, areaCell };
}

/** unit.updated events (ingest/commands/change-events.ts) for staff rooms; the public never learns where a team is. */
export function presentUnitNotice(event: EventRow, audience: Audience): UnitNotice | null {
  if (event.kind !== 'unit.updated' || audience !== 'staff') return null;
  const p = event.payload as unknown as UnitEventPayload;
  return {
    eventId: event.id,
    kind: 'unit.updated',
    unitId: p.unitId,
    agencyId: p.agencyId,
    status: p.status,
    lat: p.lat,
    lng: p.lng,
    version: p.version,
    reportIds: p.reportIds,
    at: p.at,
  };
}

/** `hotspot` events (ingest/hotspots/hotspot-monitor.ts), field by field, for staff only. */
export function presentHotspotNotice(event: EventRow, audience: Audience): HotspotNotice | null {
  if (event.kind !== HOTSPOT_EVENT_KIND || audience !== 'staff') return null;
  const p = event.payload as unknown as HotspotEventPayload;
  return {
    eventId: event.id,
    kind: 'hotspot',
    change: p.change,
    cell: p.cell,
    res: p.res,
    category: p.category,
    categories: p.categories,
    confidence: p.confidence,
    z: p.z,
    count: p.count,
    areaCode: p.areaCode,
    areaName: p.areaName,
    at: p.at,
  };
}
