// Rooms encode the audience and the area. The server alone assigns them, from the checked actor.
// Pure: every room name the feed uses comes from here, so one test can pin down who may hear what.
import { getResolution } from 'h3-js';
import { z } from 'zod';
import { errorBody, errors, fieldIssue, reasons, type DomainError } from '../domain/errors.ts';
import { scopeOfRole } from '../domain/roles.ts';
import { because, fieldIssuesOf, parseChecked, refusedBecause } from '../domain/zod-reasons.ts';
import { cellsCoveringBox, isCell } from '../geo/h3.ts';
import type { SocketActor, SocketError, WatchRequest, WatchResult } from './protocol.ts';

export const STAFF_ROOM = 'staff';
export const PUBLIC_ROOM = 'public';
export const AGENCY_ROOM_PREFIX = 'staff:agency:';
export const UNIT_ROOM_PREFIX = 'staff:unit:';
export const AREA_ROOM_PREFIX = 'public:cell:';
/** Area rooms are H3 cells at this resolution (~250 km²): coarse enough that a room says little about one report. */
export const AREA_CELL_RES = 5;
/** A watch wider than this is the whole province: one room beats hundreds. */
export const MAX_WATCH_CELLS = 64;

/**
 * The one room a staff socket hears, from its role's scope (domain/roles.ts, the rule HTTP follows too):
 * the whole province, its agency's reports, or its unit's. Null when the scope names no agency or unit.
 */
export function staffRoomOf(actor: SocketActor): string | null {
  if (actor.audience !== 'staff' || !actor.role) return null;
  switch (scopeOfRole(actor.role)) {
    case 'province':
      return STAFF_ROOM;
    case 'agency':
      return actor.agencyId ? AGENCY_ROOM_PREFIX + actor.agencyId : null;
    case 'unit':
      return actor.unitId ? UNIT_ROOM_PREFIX + actor.unitId : null;
  }
}

/** A refusal as the socket client reads it: the product's error shape, each field's reason in both languages. */
export const refused = (e: DomainError): { ok: false; error: SocketError } => ({ ok: false, ...errorBody(e) });

/**
 * The rooms a socket of `actor` is put in. Staff: the room of its scope (staffRoomOf). Public: `public` (whole province) or ONE area room for the cells it watches. Each socket
 * gets exactly one room, so each event reaches it at most once and in feed order, whatever it asked.
 */
export function roomsFor(actor: SocketActor, request?: unknown): WatchResult {
  if (actor.audience === 'staff') {
    const room = staffRoomOf(actor);
    return room ? { ok: true, rooms: [room] } : refused(errors.nothingToFollow());
  }
  if (request === undefined || request === null) return { ok: true, rooms: [PUBLIC_ROOM] };
  const parsed = parseWatch(request);
  if (!parsed.ok) return parsed;
  const watch = parsed.watch;
  if (watch.cells === undefined && watch.bbox === undefined) return { ok: true, rooms: [PUBLIC_ROOM] };
  const cells = watchCells(watch);
  // A map whose counters cover the province keeps the province's reports; its view narrows alerts (alert-delivery.ts).
  if (cells === null || watch.alertsOnly === true) return { ok: true, rooms: [PUBLIC_ROOM] };
  if (cells.length === 0) return refused(errors.invalid([fieldIssue('watch.bbox', reasons.coversNoArea)]));
  return { ok: true, rooms: [areaRoom(cells)] };
}

/** Whether an actor may be in `room`: the public never joins a staff room, agency or unit staff only their own. */
export function canJoin(actor: SocketActor, room: string): boolean {
  if (room === PUBLIC_ROOM) return true;
  if (room.startsWith(AREA_ROOM_PREFIX)) return cellsOfAreaRoom(room) !== null;
  if (actor.audience !== 'staff') return false;
  const own = staffRoomOf(actor);
  if (own !== STAFF_ROOM) return own !== null && room === own;
  return room === STAFF_ROOM || room.startsWith(AGENCY_ROOM_PREFIX) || room.startsWith(UNIT_ROOM_PREFIX);
}

/** One room per distinct watched set (sorted), e.g. `public:cell:85659a3bfffffff` or `public:cell:a+b`. */
export function areaRoom(cells: string[]): string {
  return AREA_ROOM_PREFIX + [...new Set(cells)].sort().join('+');
}

export function cellsOfAreaRoom(room: string): string[] | null {
  if (!room.startsWith(AREA_ROOM_PREFIX)) return null;
  const cells = room.slice(AREA_ROOM_PREFIX.length).split('+');
  return cells.length > 0 && cells.length <= MAX_WATCH_CELLS && cells.every(isAreaCell) ? cells : null;
}

function isAreaCell(cell: unknown): cell is string {
  return (
    typeof cell === 'string' && /^[0-9a-f]{15}$/.test(cell) && isCell(cell) && getResolution(cell) === AREA_CELL_RES
  );
}

/** A watch request as a client may send it; its reasons come from the catalogue, as HTTP's do. */
export const watchRequestSchema = z.object({
  cells: z
    .array(z.string().refine(isAreaCell, refusedBecause('areaCell', AREA_CELL_RES)))
    .min(1)
    .max(MAX_WATCH_CELLS)
    .optional(),
  bbox: z
    .tuple([z.number(), z.number(), z.number(), z.number()])
    .refine(([w, s, e, n]) => w >= -180 && e <= 180 && s >= -90 && n <= 90 && w < e && s < n, because('bboxOrder'))
    .optional(),
  alertsOnly: z.boolean().optional(),
});

/** The watch request parsed, or what is wrong with it: each field (`watch.cells.0`) and its reason in both languages. */
export function parseWatch(value: unknown): { ok: true; watch: WatchRequest } | { ok: false; error: SocketError } {
  const parsed = parseChecked(watchRequestSchema, value);
  if (parsed.success) return { ok: true, watch: parsed.data };
  return refused(errors.invalid(fieldIssuesOf(parsed.error, ['watch'])));
}

/** The watched area cells; null when there are more than MAX_WATCH_CELLS (the whole province). */
function watchCells(watch: WatchRequest): string[] | null {
  if (watch.cells !== undefined) return [...new Set(watch.cells)];
  // A box of more than MAX_WATCH_CELLS area cells is not an area view: send it the whole province instead.
  return cellsCoveringBox(watch.bbox!, AREA_CELL_RES, MAX_WATCH_CELLS);
}

/** What decides who hears an event: its agency, its unit, and its res-5 cell unless the public may not see where. */
export interface EventScope {
  agencyId: string | null;
  unitId: string | null;
  areaCell: string | null;
}

/** Whether a socket in `room` receives an event of `scope` (used by replay, same rule as live fan-out). */
export function roomReceives(room: string, scope: EventScope): boolean {
  if (room === STAFF_ROOM || room === PUBLIC_ROOM) return true;
  if (room.startsWith(AGENCY_ROOM_PREFIX))
    return scope.agencyId !== null && room === AGENCY_ROOM_PREFIX + scope.agencyId;
  if (room.startsWith(UNIT_ROOM_PREFIX)) return scope.unitId !== null && room === UNIT_ROOM_PREFIX + scope.unitId;
  const cells = cellsOfAreaRoom(room);
  return cells !== null && scope.areaCell !== null && cells.includes(scope.areaCell);
}

export function audienceOfRoom(room: string): 'staff' | 'public' {
  return room === STAFF_ROOM || room.startsWith('staff:') ? 'staff' : 'public';
}

/** Socket.IO room that carries `room` in one wire format: plain name for single `notice`s, suffixed for batches. */
export function wireRoom(room: string, format: 'single' | 'batch'): string {
  return format === 'single' ? room : room + '#batch';
}
