// `alert` events go to every socket whose watched area meets the alert's cells: all staff, every public socket
// watching the whole province without a view, and public sockets whose view meets the alert at res 7 (~5 km²),
// finer than their res-5 room (~250 km²), so a screen over the next commune is not told about a flood it cannot
// see. A /map keeps the province's reports (its counters cover the province) and narrows only alerts to its view.
import { cellToCenterChild, cellToLatLng, getResolution, latLngToCell } from 'h3-js';
import type { AlertEventPayload } from '../domain/alert-event.ts';
import { ALERT_EVENT_KIND } from '../domain/alert-event.ts';
import { coverAt, intersects } from '../geo/alert-area.ts';
import { cellsCoveringBox } from '../geo/h3.ts';
import type { EventRow } from '../sql/queries/events.ts';
import type { AlertNotice, SocketActor, WatchRequest } from './protocol.ts';
import { AREA_CELL_RES, PUBLIC_ROOM, cellsOfAreaRoom } from './rooms.ts';

/** Resolution at which a public view and an alert must share a cell. */
export const VIEW_RES = 7;
/** A view needing more res-7 cells than this is matched by its room's res-5 cells alone. */
const MAX_VIEW_CELLS = 4000;

export function presentAlertNotice(event: EventRow): AlertNotice | null {
  if (event.kind !== ALERT_EVENT_KIND) return null;
  const p = event.payload as unknown as AlertEventPayload;
  // Field by field: the cover stays on the server.
  return {
    eventId: event.id,
    kind: 'alert',
    alertId: p.alertId,
    change: p.change,
    replaces: p.replaces,
    category: p.category,
    severity: p.severity,
    urgency: p.urgency,
    headline: p.headline,
    headlineEn: p.headlineEn,
    effective: p.effective,
    expires: p.expires,
    bounds: p.bounds,
    areaCodes: p.areaCodes,
    at: p.at,
  };
}

/**
 * The cells a public socket's view covers: res 7 for a box up to a degree wide, res 5 for a wider box or a
 * list of area cells (null: it sees everything its room hears). `watch` is parsed (rooms.ts).
 */
export function viewCells(watch: WatchRequest | null | undefined): Set<string> | null {
  if (watch?.cells) return watch.cells.length > 0 ? new Set(watch.cells) : null;
  const b = watch?.bbox;
  if (!b) return null;
  const [w, s, e, n] = b;
  const res = e - w > 1 || n - s > 1 ? AREA_CELL_RES : VIEW_RES;
  const cells = cellsCoveringBox(b, res, MAX_VIEW_CELLS);
  return cells && cells.length > 0 ? new Set(cells) : null;
}

/** What delivery needs to know of a socket. */
export interface AlertListener {
  actor: SocketActor;
  room: string;
  view: Set<string> | null;
}

/** The alert's cells at the two resolutions it is matched at, computed once per event. */
export interface AlertReach {
  at5: Set<string>;
  at7: Set<string>;
}

export function alertReach(event: EventRow): AlertReach {
  const cells = (event.payload as unknown as AlertEventPayload).cells ?? [];
  return { at5: coverAt(cells, AREA_CELL_RES), at7: coverAt(cells, VIEW_RES) };
}

/** The alert notices of `rows` that one socket hears, in feed order: what a resuming socket missed. */
export function alertsHeard(l: AlertListener, rows: EventRow[]): AlertNotice[] {
  const out: AlertNotice[] = [];
  for (const row of rows) {
    const notice = presentAlertNotice(row);
    if (notice && listenerHears(l, alertReach(row))) out.push(notice);
  }
  return out;
}

/** Whether one socket hears the alert. */
export function listenerHears(l: AlertListener, reach: AlertReach): boolean {
  if (l.actor.audience === 'staff') return true;
  if (l.room !== PUBLIC_ROOM) {
    const roomCells = cellsOfAreaRoom(l.room);
    if (!roomCells || !intersects(new Set(roomCells), reach.at5)) return false;
  }
  return l.view === null || intersects(l.view, viewResolution(l.view) === VIEW_RES ? reach.at7 : reach.at5);
}

function viewResolution(view: Set<string>): number {
  for (const cell of view) return getResolution(cell);
  return VIEW_RES;
}

/**
 * Where a reached public screen looks, for the reach audit: the res-7 cell at the centre of its view (read
 * as a commune later), or 'province' for a screen looking at more than a degree or at no particular place.
 */
export function screenPlace(l: AlertListener): string {
  if (l.view && viewResolution(l.view) === VIEW_RES) {
    let [lat, lng] = [0, 0];
    for (const c of l.view) {
      const [a, b] = cellToLatLng(c);
      lat += a;
      lng += b;
    }
    return latLngToCell(lat / l.view.size, lng / l.view.size, VIEW_RES);
  }
  const cells = l.room === PUBLIC_ROOM ? null : cellsOfAreaRoom(l.room);
  return cells ? cellToCenterChild(cells[0], VIEW_RES) : 'province';
}

/** Public screens reached, counted per place (staff screens are not the public the audit is about). */
export function screensByPlace(reached: AlertListener[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const l of reached) {
    if (l.actor.audience !== 'public') continue;
    const place = screenPlace(l);
    counts.set(place, (counts.get(place) ?? 0) + 1);
  }
  return counts;
}
