// Turns each delivery of tailed events into at most one frame per room (batch sockets) or one
// `notice` per event (single sockets), and keeps slow sockets from holding unbounded memory.
import type { Server, Socket } from 'socket.io';
import { HOTSPOT_EVENT_KIND } from '../domain/hotspot-event.ts';
import type { EventRow, FeedCursor } from '../sql/queries/events.ts';
import { alertReach, listenerHears, presentAlertNotice, type AlertListener } from './alert-delivery.ts';
import { presentHotspotNotice, presentNotice, presentUnitNotice, scopeOf } from './notices.ts';
import type { AlertNotice, ReportNotice } from './protocol.ts';
import {
  AGENCY_ROOM_PREFIX,
  PUBLIC_ROOM,
  STAFF_ROOM,
  UNIT_ROOM_PREFIX,
  audienceOfRoom,
  cellsOfAreaRoom,
  roomReceives,
  wireRoom,
} from './rooms.ts';

export interface BufferLimits {
  /** Frames queued in Engine.IO for one socket (not yet handed to the transport) before it is cut off. */
  maxPackets: number;
  maxBytes: number;
}

export const DEFAULT_BUFFER_LIMITS: BufferLimits = { maxPackets: 5000, maxBytes: 4 * 1024 * 1024 };

type AnyServer = Server<any, any, any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type AnySocket = Socket<any, any, any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export class FanOut {
  /** Logical area rooms that exist, per res-5 cell: an event is emitted only to rooms someone is in. */
  private readonly areaRooms = new Map<string, Set<string>>();
  delivered = 0;
  overflows = 0;
  /** The feed position every room has been sent up to: sockets join here (events after it are still to come). */
  position: FeedCursor;
  private pending: EventRow[] = [];
  private pendingUpTo: FeedCursor | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lastFlushAt = -Infinity;
  /** Told which sockets an alert reached (the reach audit); set by the server. */
  onAlertDelivered: (notice: AlertNotice, reached: AlertListener[]) => void = () => {};
  /** Told each batch of events just handed to the rooms (the feed's log line and lag); set by the server. */
  onFlushed: (events: EventRow[]) => void = () => {};

  constructor(
    private readonly io: AnyServer,
    private readonly onOverflow: (socket: AnySocket) => boolean,
    private readonly limits: BufferLimits,
    private readonly onError: (error: unknown) => void = () => {},
    start: FeedCursor = { xid: '0', id: '0' },
    /** At most one frame per room per this many ms (0: send each delivery at once). */
    private readonly coalesceMs = 0,
  ) {
    this.position = start;
    const adapter = io.of('/').adapter;
    adapter.on('create-room', (wire: string) => this.track(wire, true));
    adapter.on('delete-room', (wire: string) => this.track(wire, false));
  }

  private track(wire: string, created: boolean): void {
    const room = wire.replace(/#batch$/, '');
    const cells = cellsOfAreaRoom(room);
    if (!cells) return;
    if (!created && (this.hasSockets(wireRoom(room, 'single')) || this.hasSockets(wireRoom(room, 'batch')))) return;
    for (const cell of cells) {
      const set = this.areaRooms.get(cell) ?? new Set<string>();
      if (created) set.add(room);
      else set.delete(room);
      if (set.size) this.areaRooms.set(cell, set);
      else this.areaRooms.delete(cell);
    }
  }

  private hasSockets(wire: string): boolean {
    return (this.io.of('/').adapter.rooms.get(wire)?.size ?? 0) > 0;
  }

  /** Rooms (logical) that hear one event; pure rules in rooms.ts decide, the index only skips empty rooms. */
  private roomsOf(event: EventRow): string[] {
    const scope = scopeOf(event, this.areaRooms.size > 0);
    const rooms = [STAFF_ROOM, PUBLIC_ROOM];
    if (scope.agencyId) rooms.push(AGENCY_ROOM_PREFIX + scope.agencyId);
    if (scope.unitId) rooms.push(UNIT_ROOM_PREFIX + scope.unitId);
    if (scope.areaCell) for (const room of this.areaRooms.get(scope.areaCell) ?? []) rooms.push(room);
    return rooms;
  }

  private hasListeners(room: string): boolean {
    return this.hasSockets(wireRoom(room, 'batch')) || this.hasSockets(wireRoom(room, 'single'));
  }

  /**
   * Leading-edge throttle: a delivery after a quiet spell goes out at once (no added latency when the
   * feed is calm); under load, deliveries gather until `coalesceMs` after the last frame was handed
   * out, so a burst costs each socket at most one frame per interval.
   */
  deliver(events: EventRow[], upTo: FeedCursor): void {
    this.pending.push(...events);
    this.pendingUpTo = upTo;
    if (this.timer) return;
    const wait = this.lastFlushAt + this.coalesceMs - performance.now();
    if (this.coalesceMs <= 0 || wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const events = this.pending;
    const upTo = this.pendingUpTo;
    this.pending = [];
    if (!upTo) return;
    this.cutOffSlowSockets(); // before adding more: what is still queued now was not drained since the last delivery
    const perRoom = new Map<string, ReportNotice[]>();
    const presented = { staff: new Map<string, ReportNotice | null>(), public: new Map<string, ReportNotice | null>() };
    for (const event of events) {
      try {
        if (this.emitUnit(event) || this.emitAlert(event) || this.emitHotspot(event)) continue;
        for (const room of this.roomsOf(event)) {
          if (!this.hasListeners(room)) continue; // presenting costs H3 work: only for rooms someone is in
          const audience = audienceOfRoom(room);
          let notice = presented[audience].get(event.id);
          if (notice === undefined) presented[audience].set(event.id, (notice = presentNotice(event, audience)));
          if (!notice) continue;
          const list = perRoom.get(room);
          if (list) list.push(notice);
          else perRoom.set(room, [notice]);
        }
      } catch (error) {
        // One malformed event must not take its whole delivery down with it (the cursor has moved on).
        this.onError(error);
      }
    }
    for (const [room, notices] of perRoom) {
      const batchRoom = wireRoom(room, 'batch');
      if (this.hasSockets(batchRoom)) this.io.to(batchRoom).emit('notices', { notices, upTo: upTo.id });
      const singleRoom = wireRoom(room, 'single');
      if (this.hasSockets(singleRoom)) for (const notice of notices) this.io.to(singleRoom).emit('notice', notice);
      this.delivered += notices.length;
    }
    // Same tick as the emits: a socket that joins from now on gets exactly what comes after.
    this.position = upTo;
    if (events.length) this.onFlushed(events);
    // The interval counts from the end of this frame's work: a broadcast that takes 30 ms to hand out
    // must not shorten the pause that lets the next deliveries gather.
    this.lastFlushAt = performance.now();
  }

  /** Field units moving: staff, the unit's agency and the unit itself, never a public room. True when it was one. */
  private emitUnit(event: EventRow): boolean {
    const notice = presentUnitNotice(event, 'staff');
    if (!notice) return false;
    for (const room of [STAFF_ROOM, AGENCY_ROOM_PREFIX + notice.agencyId, UNIT_ROOM_PREFIX + notice.unitId]) {
      for (const wire of [wireRoom(room, 'single'), wireRoom(room, 'batch')]) {
        if (this.hasSockets(wire)) this.io.to(wire).emit('unit', notice);
      }
    }
    return true;
  }

  /** Hot spots: the province-wide staff room only, never a public or an agency room. True when it was one. */
  private emitHotspot(event: EventRow): boolean {
    const notice = presentHotspotNotice(event, 'staff');
    if (!notice) return event.kind === HOTSPOT_EVENT_KIND;
    for (const wire of [wireRoom(STAFF_ROOM, 'single'), wireRoom(STAFF_ROOM, 'batch')])
      if (this.hasSockets(wire)) this.io.to(wire).emit('hotspot', notice);
    return true;
  }

  /** Official alerts: every socket whose area meets the alert's (alert-delivery.ts). True when it was one. */
  private emitAlert(event: EventRow): boolean {
    const notice = presentAlertNotice(event);
    if (!notice) return false;
    const reach = alertReach(event);
    const reached: AlertListener[] = [];
    for (const socket of this.io.of('/').sockets.values()) {
      const listener = socket.data as (Partial<AlertListener> & { live?: boolean }) | undefined;
      // A socket still replaying gets this alert from the log (session.ts), exactly as it gets reports.
      if (!listener?.actor || listener.room === undefined || listener.live !== true) continue;
      const l = { actor: listener.actor, room: listener.room, view: listener.view ?? null };
      if (!listenerHears(l, reach)) continue;
      socket.emit('alert', notice);
      reached.push(l);
    }
    this.onAlertDelivered(notice, reached);
    return true;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
  }

  /** Whether a socket in `room` should get `event` during a replay: the same rules as live. */
  static receives(room: string, event: EventRow): boolean {
    return roomReceives(room, scopeOf(event));
  }

  private cutOffSlowSockets(): void {
    for (const socket of this.io.of('/').sockets.values()) {
      const queued = (socket.conn as unknown as { writeBuffer: { data?: unknown }[] }).writeBuffer;
      if (queued.length === 0) continue;
      let bytes = 0;
      let over = queued.length > this.limits.maxPackets;
      for (let i = 0; !over && i < queued.length; i++) {
        const data = queued[i].data;
        bytes += typeof data === 'string' ? data.length : ((data as Buffer | undefined)?.byteLength ?? 0);
        over = bytes > this.limits.maxBytes;
      }
      if (over && this.onOverflow(socket)) this.overflows++;
    }
  }
}

/** Drops the frames a slow socket has not taken yet (keeping Engine.IO's own pings and callbacks intact). */
export function dropQueued(socket: AnySocket): boolean {
  const conn = socket.conn as unknown as { writeBuffer: { type: string }[]; packetsFn: unknown[] };
  if (conn.packetsFn?.length) return false;
  conn.writeBuffer = conn.writeBuffer.filter((p) => p.type !== 'message');
  return true;
}
