// One socket's life on the feed: hello, resume (catch-up from the log, then live), watch (switching
// area rooms), going live in its room, and losing its queue when it reads too slowly.
import type { Socket } from 'socket.io';
import type { Db } from '../sql/db.ts';
import { compareCursors, cursorOfEvent, type EventRow, type FeedCursor } from '../sql/queries/events.ts';
import { alertsHeard, viewCells } from './alert-delivery.ts';
import { FanOut, dropQueued } from './fanout.ts';
import { isEventId } from './handshake.ts';
import { presentNotice } from './notices.ts';
import type {
  ClientToServerEvents,
  MustRefetch,
  ReportNotice,
  ServerToClientEvents,
  SocketActor,
  WatchRequest,
  WatchResult,
} from './protocol.ts';
import { catchUp, fillBefore, type ReplayLimits } from './replay.ts';
import { audienceOfRoom, canJoin, parseWatch, roomsFor, wireRoom } from './rooms.ts';

export interface FeedState {
  actor: SocketActor;
  format: 'single' | 'batch';
  /** Logical room (rooms.ts); the socket is in its wire room only while live. */
  room: string;
  /** The res-7 cells of a public socket's bbox view: alerts are matched finer than rooms (alert-delivery.ts). */
  view: Set<string> | null;
  live: boolean;
  /** The socket has been sent every event after this position that its room hears. */
  coveredFrom: FeedCursor | null;
  /** Resume, watch and overflow handling run one at a time per socket. */
  chain: Promise<unknown>;
  overflows: number;
}

export type FeedSocket = Socket<ClientToServerEvents, ServerToClientEvents, object, FeedState>;

/** What every session needs of the feed: the log, the replay bounds, and where live broadcasting stands. */
export interface SessionContext {
  db: Db;
  limits: ReplayLimits;
  /** What every room has been sent (tailed but coalescing events are after it): sockets join here. */
  position(): FeedCursor;
  onError(error: unknown): void;
}

const REPLAY_CHUNK = 500;

/** Starts a connected socket's session: hello, then a resume or live at once, then its resume and watch requests. */
export function startSession(socket: FeedSocket, ctx: SessionContext, lastEventId: string | undefined): void {
  const head = ctx.position();
  socket.emit('hello', { audience: socket.data.actor.audience, lastEventId: head.id === '0' ? null : head.id });
  if (lastEventId !== undefined) enqueue(socket, ctx, () => resume(socket, ctx, lastEventId));
  else goLive(socket, head);
  socket.on('resume', (id) => {
    if (isEventId(id)) enqueue(socket, ctx, () => resume(socket, ctx, id));
  });
  socket.on('watch', (request, ack) => {
    enqueue(socket, ctx, () => {
      const parsed = parseWatch(request);
      const result = parsed.ok ? watch(socket, parsed.watch) : parsed;
      if (typeof ack === 'function') ack(result);
      return Promise.resolve();
    });
  });
}

/** Called by the fan-out when a live socket's queue is over its bounds; true when it was handled. */
export function overflow(socket: FeedSocket, ctx: SessionContext): boolean {
  if (!socket.data.live) return false; // a replay in progress is bounded by its own limits
  socket.data.overflows++;
  if (!dropQueued(socket)) {
    socket.disconnect(true);
    return true;
  }
  // Its queue is gone, so its stream has a hole: out of the room until it takes the mustRefetch,
  // then live again from wherever the feed is by then (it reloads a snapshot and may resume from it).
  void socket.leave(wireRoom(socket.data.room, socket.data.format));
  socket.data.live = false;
  socket.data.coveredFrom = null;
  socket.conn.once('drain', () => {
    if (socket.connected && !socket.data.live) goLive(socket, ctx.position());
  });
  socket.emit('mustRefetch', { reason: 'buffer-overflow' });
  return true;
}

function enqueue(socket: FeedSocket, ctx: SessionContext, work: () => Promise<unknown>): void {
  socket.data.chain = socket.data.chain.then(work).catch(ctx.onError);
}

function send(socket: FeedSocket, rows: EventRow[], upTo: FeedCursor): void {
  // Alerts first, as live: each is a whole state (published, updated, cancelled, expired), applied in order.
  for (const alert of alertsHeard(socket.data, rows)) socket.emit('alert', alert);
  const notices = rows
    .filter((r) => FanOut.receives(socket.data.room, r))
    .map((r) => presentNotice(r, audienceOfRoom(socket.data.room)))
    .filter((n): n is ReportNotice => n !== null);
  if (socket.data.format === 'single') {
    for (const n of notices) socket.emit('notice', n);
    return;
  }
  for (let i = 0; i < notices.length; i += REPLAY_CHUNK) {
    const last = i + REPLAY_CHUNK >= notices.length;
    socket.emit('notices', {
      notices: notices.slice(i, i + REPLAY_CHUNK),
      upTo: last ? upTo.id : notices[i + REPLAY_CHUNK - 1].eventId,
    });
  }
  if (notices.length === 0) socket.emit('notices', { notices: [], upTo: upTo.id });
}

function goLive(socket: FeedSocket, at: FeedCursor): void {
  if (!canJoin(socket.data.actor, socket.data.room)) return; // roomsFor never asks for one it may not join; this is the lock
  void socket.join(wireRoom(socket.data.room, socket.data.format));
  socket.data.live = true;
  socket.data.coveredFrom = at;
}

function refetch(socket: FeedSocket, ctx: SessionContext, reason: MustRefetch['reason']): void {
  socket.emit('mustRefetch', { reason });
  // Stay (or become) live from here: the snapshot the client reloads covers what came before.
  if (!socket.data.live) goLive(socket, ctx.position());
}

async function resume(socket: FeedSocket, ctx: SessionContext, lastEventId: string): Promise<void> {
  // '0' is the start of the log: a client that has seen nothing yet still misses nothing.
  const from = lastEventId === '0' ? { xid: '0', id: '0' } : await cursorOfEvent(ctx.db, lastEventId);
  if (socket.disconnected) return;
  if (!from) return refetch(socket, ctx, 'unknown-cursor');
  const covered = socket.data.coveredFrom;
  if (socket.data.live && covered) {
    // Already live: only what it missed before going live, once.
    const rows = await fillBefore(ctx.db, from, covered, ctx.limits);
    if (rows === null) return void socket.emit('mustRefetch', { reason: 'gap-too-old' });
    if (rows.length) send(socket, rows, covered);
    if (compareCursors(from, covered) < 0) socket.data.coveredFrom = from;
    return;
  }
  const result = await catchUp(from, {
    db: ctx.db,
    limits: ctx.limits,
    position: ctx.position,
    send: (rows, upTo) => send(socket, rows, upTo),
    join: (at) => {
      goLive(socket, at);
      socket.data.coveredFrom = from;
    },
    gone: () => socket.disconnected,
  });
  if (result !== 'live' && result !== 'gone') refetch(socket, ctx, result);
}

function watch(socket: FeedSocket, request: WatchRequest): WatchResult {
  const assigned = roomsFor(socket.data.actor, request);
  if (!assigned.ok) return assigned;
  const [room] = assigned.rooms;
  if (socket.data.live && room !== socket.data.room) {
    // Same tick: leave one room and join the other, so the switch drops or repeats nothing it still hears.
    void socket.leave(wireRoom(socket.data.room, socket.data.format));
    socket.data.room = room;
    void socket.join(wireRoom(room, socket.data.format));
  }
  socket.data.room = room;
  socket.data.view = socket.data.actor.audience === 'public' ? viewCells(request) : null;
  return assigned;
}
