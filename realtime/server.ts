// The Socket.IO edge: authorises the actor at connect, assigns its room, fans the tailed log out,
// replays to a resuming socket, and cuts off sockets too slow to keep up.
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { Db } from '../sql/db.ts';
import { compareCursors, cursorOfEvent, settledHead, type EventRow, type FeedCursor } from '../sql/queries/events.ts';
import { viewCells } from './alert-delivery.ts';
import { DEFAULT_BUFFER_LIMITS, FanOut, dropQueued, type BufferLimits } from './fanout.ts';
import { presentNotice } from './notices.ts';
import type {
  ClientToServerEvents,
  HandshakeAuth,
  MustRefetch,
  ReportNotice,
  ServerToClientEvents,
  SocketActor,
  WatchRequest,
  WatchResult,
} from './protocol.ts';
import { DEFAULT_REPLAY_LIMITS, catchUp, fillBefore, type ReplayLimits } from './replay.ts';
import { audienceOfRoom, canJoin, roomsFor, wireRoom } from './rooms.ts';
import { EventTailer } from './tailer.ts';

export interface RealtimeOptions {
  db: Db;
  /** Connection string for the dedicated LISTEN connection. */
  listenUrl: string;
  /** Decides who connected from the handshake; the only place trust is granted. Throwing refuses the socket. */
  authorize(auth: HandshakeAuth): SocketActor | Promise<SocketActor>;
  replay?: Partial<ReplayLimits>;
  buffer?: Partial<BufferLimits>;
  pollMs?: number;
  /** Gather tailed events for up to this long into one frame per room: fewer frames under load, a little latency. */
  coalesceMs?: number;
  /** Events per log read, so also the most one delivery adds to a socket's queue between two checks. */
  batchSize?: number;
  /** How often staff sockets are authorised again (a ticket expires, an account changes); default 60 s. */
  reauthorizeMs?: number;
  onError?: (error: unknown) => void;
}

export interface Realtime {
  io: Server<ClientToServerEvents, ServerToClientEvents>;
  tailer: EventTailer;
  fanOut: FanOut;
  close(): Promise<void>;
}

interface FeedState {
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

type FeedSocket = Socket<ClientToServerEvents, ServerToClientEvents, object, FeedState>;

const REPLAY_CHUNK = 500;
const isEventId = (v: unknown): v is string => typeof v === 'string' && /^\d{1,18}$/.test(v);

export async function attachRealtime(http: HttpServer, opts: RealtimeOptions): Promise<Realtime> {
  const io = new Server<ClientToServerEvents, ServerToClientEvents, object, FeedState>(http, {
    serveClient: false,
    cors: { origin: false },
  });
  const limits = { ...DEFAULT_REPLAY_LIMITS, ...opts.replay };
  const onError = (e: unknown) => opts.onError?.(e);
  let fanOut: FanOut | null = null;
  const tailer = new EventTailer(opts.db, opts.listenUrl, (rows) => fanOut!.deliver(rows, tailer.position), {
    onError,
    pollMs: opts.pollMs,
    batchSize: opts.batchSize,
  });
  const start = await settledHead(opts.db);
  const feed = new FanOut(
    io,
    (s) => overflow(s as FeedSocket),
    { ...DEFAULT_BUFFER_LIMITS, ...opts.buffer },
    onError,
    start,
    opts.coalesceMs ?? 0,
  );
  fanOut = feed;
  await tailer.start(start);
  /** Where live broadcasting stands: what every room has been sent (tailed but coalescing events are after it). */
  const position = () => feed.position;

  const enqueue = (socket: FeedSocket, work: () => Promise<unknown>) => {
    socket.data.chain = socket.data.chain.then(work).catch(onError);
  };

  const send = (socket: FeedSocket, rows: EventRow[], upTo: FeedCursor) => {
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
  };

  const goLive = (socket: FeedSocket, at: FeedCursor) => {
    if (!canJoin(socket.data.actor, socket.data.room)) return; // roomsFor never asks for one it may not join; this is the lock
    void socket.join(wireRoom(socket.data.room, socket.data.format));
    socket.data.live = true;
    socket.data.coveredFrom = at;
  };

  const refetch = (socket: FeedSocket, reason: MustRefetch['reason']) => {
    socket.emit('mustRefetch', { reason });
    // Stay (or become) live from here: the snapshot the client reloads covers what came before.
    if (!socket.data.live) goLive(socket, position());
  };

  const resume = async (socket: FeedSocket, lastEventId: string) => {
    // '0' is the start of the log: a client that has seen nothing yet still misses nothing.
    const from = lastEventId === '0' ? { xid: '0', id: '0' } : await cursorOfEvent(opts.db, lastEventId);
    if (socket.disconnected) return;
    if (!from) return refetch(socket, 'unknown-cursor');
    if (socket.data.live) {
      // Already live: only what it missed before going live, once.
      const rows = await fillBefore(opts.db, from, socket.data.coveredFrom!, limits);
      if (rows === null) return socket.emit('mustRefetch', { reason: 'gap-too-old' });
      if (rows.length) send(socket, rows, socket.data.coveredFrom!);
      if (compareCursors(from, socket.data.coveredFrom!) < 0) socket.data.coveredFrom = from;
      return;
    }
    const result = await catchUp(from, {
      db: opts.db,
      limits,
      position,
      send: (rows, upTo) => send(socket, rows, upTo),
      join: (at) => {
        goLive(socket, at);
        socket.data.coveredFrom = from;
      },
      gone: () => socket.disconnected,
    });
    if (result !== 'live' && result !== 'gone') refetch(socket, result);
  };

  const watch = (socket: FeedSocket, request: WatchRequest): WatchResult => {
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
  };

  function overflow(socket: FeedSocket): boolean {
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
      if (socket.connected && !socket.data.live) goLive(socket, position());
    });
    socket.emit('mustRefetch', { reason: 'buffer-overflow' });
    return true;
  }

  io.use(async (socket, next) => {
    try {
      const auth = (socket.handshake.auth ?? {}) as HandshakeAuth;
      const actor = await opts.authorize(auth);
      const assigned = roomsFor(actor, auth.watch);
      if (!assigned.ok || !canJoin(actor, assigned.rooms[0]))
        return next(new Error(assigned.ok ? 'forbidden room' : assigned.error));
      socket.data = {
        actor,
        format: auth.batch === true ? 'batch' : 'single',
        room: assigned.rooms[0],
        view: actor.audience === 'public' ? viewCells(auth.watch) : null,
        live: false,
        coveredFrom: null,
        chain: Promise.resolve(),
        overflows: 0,
      };
      next();
    } catch (error) {
      onError(error);
      next(new Error('unauthorized'));
    }
  });

  io.on('connection', (socket: FeedSocket) => {
    const auth = (socket.handshake.auth ?? {}) as HandshakeAuth;
    const head = position();
    socket.emit('hello', { audience: socket.data.actor.audience, lastEventId: head.id === '0' ? null : head.id });
    if (isEventId(auth.lastEventId)) enqueue(socket, () => resume(socket, auth.lastEventId!));
    else goLive(socket, head);
    socket.on('resume', (lastEventId) => {
      if (isEventId(lastEventId)) enqueue(socket, () => resume(socket, lastEventId));
    });
    socket.on('watch', (request, ack) => {
      enqueue(socket, async () => {
        const result =
          request && typeof request === 'object'
            ? watch(socket, request)
            : { ok: false as const, error: 'watch: an object' };
        if (typeof ack === 'function') ack(result);
      });
    });
  });

  // Authorisation is not only a connect-time check: a staff socket whose credentials no longer give the
  // same actor (ticket expired, role or agency changed) is told why and dropped; it reconnects as what it is now.
  const sameActor = (a: SocketActor, b: SocketActor) =>
    a.audience === b.audience &&
    a.role === b.role &&
    (a.agencyId ?? null) === (b.agencyId ?? null) &&
    (a.unitId ?? null) === (b.unitId ?? null);
  const reauthorize = async () => {
    for (const socket of io.of('/').sockets.values() as Iterable<FeedSocket>) {
      if (socket.data.actor.audience !== 'staff') continue;
      const now = await Promise.resolve(opts.authorize((socket.handshake.auth ?? {}) as HandshakeAuth)).catch(
        () => null,
      );
      if (now && sameActor(now, socket.data.actor)) continue;
      socket.emit('mustRefetch', { reason: 'reauthorize' });
      socket.disconnect(true);
    }
  };
  const reauthTimer = setInterval(() => void reauthorize().catch(onError), opts.reauthorizeMs ?? 60_000);
  reauthTimer.unref();

  return {
    io,
    tailer,
    fanOut: feed,
    close: async () => {
      clearInterval(reauthTimer);
      await tailer.stop();
      feed.stop();
      await new Promise<void>((done) => io.close(() => done()));
    },
  };
}
