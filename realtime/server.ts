// The Socket.IO edge, wired: the tailer reads the log, the fan-out sends each delivery to its rooms,
// the handshake admits a socket (handshake.ts), each socket lives its session (session.ts), and staff
// sockets are authorised again on a timer (reauthorize.ts).
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Db } from '../sql/db.ts';
import { settledHead, type EventRow } from '../sql/queries/events.ts';
import { recordReach } from '../sql/queries/push.ts';
import { screensByPlace } from './alert-delivery.ts';
import { DEFAULT_BUFFER_LIMITS, FanOut, type BufferLimits } from './fanout.ts';
import { registerFeedMetrics } from './feed-metrics.ts';
import { errors } from '../domain/errors.ts';
import { admit, handshakeRefusal, parseHandshake } from './handshake.ts';
import type { ClientToServerEvents, ServerToClientEvents, SocketActor } from './protocol.ts';
import { keepReauthorizing, reauthorizeAll, REVOKING_KINDS } from './reauthorize.ts';
import { DEFAULT_REPLAY_LIMITS, type ReplayLimits } from './replay.ts';
import { overflow, startSession, type FeedSocket, type FeedState, type SessionContext } from './session.ts';
import { EventTailer } from './tailer.ts';

export interface RealtimeOptions {
  db: Db;
  /** Connection string for the dedicated LISTEN connection. */
  listenUrl: string;
  /** Decides who connected from the handshake; the only place trust is granted. Throwing refuses the socket. */
  authorize(auth: { token?: string }): SocketActor | Promise<SocketActor>;
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
  /** Each emitted batch is logged at debug with its events' request ids (the access log's X-Request-Id). */
  logger?: Logger;
  /** Where the feed's metrics go (feed-metrics.ts): lag, sockets per audience, events emitted. */
  metrics?: Registry;
}

export interface Realtime {
  io: Server<ClientToServerEvents, ServerToClientEvents>;
  tailer: EventTailer;
  fanOut: FanOut;
  close(): Promise<void>;
}

export async function attachRealtime(http: HttpServer, opts: RealtimeOptions): Promise<Realtime> {
  const io = new Server<ClientToServerEvents, ServerToClientEvents, object, FeedState>(http, {
    serveClient: false,
    cors: { origin: false },
  });
  const onError = (e: unknown) => opts.onError?.(e);
  const start = await settledHead(opts.db);
  const sessions: SessionContext = {
    db: opts.db,
    limits: { ...DEFAULT_REPLAY_LIMITS, ...opts.replay },
    // Where live broadcasting stands: what every room has been sent (tailed but coalescing events are after it).
    position: () => fanOut.position,
    onError,
  };
  const fanOut = new FanOut(
    io,
    (socket) => overflow(socket as FeedSocket, sessions),
    { ...DEFAULT_BUFFER_LIMITS, ...opts.buffer },
    onError,
    start,
    opts.coalesceMs ?? 0,
  );
  // The reach audit: how many public screens were watching the alert's area when it went out, by place.
  fanOut.onAlertDelivered = (notice, reached) => {
    if (notice.change !== 'published' && notice.change !== 'updated') return;
    const rows = [...screensByPlace(reached)].map(([cell, n]) => ({
      channel: 'screen' as const,
      areaCode: null,
      cell,
      sent: n,
      delivered: n,
      failed: 0,
    }));
    void recordReach(opts.db, notice.alertId, rows).catch(onError);
  };
  const measure = opts.metrics ? registerFeedMetrics(opts.metrics, io, fanOut) : () => {};
  fanOut.onFlushed = (events) => {
    measure(events);
    // Per batch, so debug: at info a surge would send a line a batch over IPC to stdout (LOG_LEVEL=debug traces).
    if (opts.logger?.isLevelEnabled('debug')) opts.logger.debug(emitLine(events), 'feed emit');
  };
  // Revocation is pushed through the feed: a sign-out, deactivation or role change in the log re-checks the
  // staff sockets at once (the timer below is the safety net). Assigned once the server exists.
  let revoked = () => {};
  const deliver = (rows: EventRow[]) => {
    if (rows.some((r) => REVOKING_KINDS.has(r.kind))) revoked();
    return fanOut.deliver(rows, tailer.position);
  };
  const tailer = new EventTailer(opts.db, opts.listenUrl, deliver, {
    onError,
    pollMs: opts.pollMs,
    batchSize: opts.batchSize,
  });
  await tailer.start(start);

  io.use(async (socket, next) => {
    try {
      const admitted = await admit(socket.handshake.auth, (auth) => opts.authorize(auth));
      if (!admitted.ok) return next(handshakeRefusal(admitted.error));
      socket.data = admitted.state;
      next();
    } catch (error) {
      onError(error);
      next(handshakeRefusal(errors.internal()));
    }
  });
  io.on('connection', (socket: FeedSocket) =>
    startSession(socket, sessions, parseHandshake(socket.handshake.auth).lastEventId),
  );
  revoked = () => void reauthorizeAll(io, (auth) => opts.authorize(auth), parseHandshake).catch(onError);
  const stopReauthorizing = keepReauthorizing(
    io,
    (auth) => opts.authorize(auth),
    parseHandshake,
    opts.reauthorizeMs ?? 60_000,
    onError,
  );

  return {
    io,
    tailer,
    fanOut,
    close: async () => {
      stopReauthorizing();
      await tailer.stop();
      fanOut.stop();
      await new Promise<void>((done) => io.close(() => done()));
    },
  };
}

/** What the log says of one emitted batch: its span of the log and the requests that wrote it. */
function emitLine(events: EventRow[]) {
  const reqIds = [...new Set(events.map((e) => e.request_id).filter((id): id is string => Boolean(id)))];
  return { events: events.length, fromEventId: events[0].id, toEventId: events[events.length - 1].id, reqIds };
}
