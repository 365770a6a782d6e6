// The Socket.IO edge: checks the actor at connect, assigns rooms, fans the tailed log out, replays on resume.
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { Db } from '../sql/db.ts';
import type { EventRow } from '../sql/queries/events.ts';
import { presentNotice } from './notices.ts';
import type { Audience, ClientToServerEvents, HandshakeAuth, ServerToClientEvents } from './protocol.ts';
import { replayTo } from './replay.ts';
import { canJoin, roomFor } from './rooms.ts';
import { EventTailer } from './tailer.ts';

export interface RealtimeOptions {
  db: Db;
  /** Connection string for the dedicated LISTEN connection. */
  listenUrl: string;
  /** Decides the audience from the handshake token; the only place trust is granted. */
  audienceFor(token: string | undefined): Audience;
  replayLimit?: number;
  onError?: (error: unknown) => void;
}

export interface Realtime {
  io: Server<ClientToServerEvents, ServerToClientEvents>;
  tailer: EventTailer;
  close(): Promise<void>;
}

type FeedSocket = Socket<ClientToServerEvents, ServerToClientEvents, object, { audience: Audience }>;

const AUDIENCES: Audience[] = ['staff', 'public'];

export async function attachRealtime(http: HttpServer, opts: RealtimeOptions): Promise<Realtime> {
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(http, { serveClient: false, cors: { origin: false } });
  const fanOut = (events: EventRow[]) => {
    for (const event of events) {
      for (const audience of AUDIENCES) {
        const notice = presentNotice(event, audience);
        if (notice) io.to(roomFor(audience)).emit('notice', notice);
      }
    }
  };
  const tailer = new EventTailer(opts.db, opts.listenUrl, fanOut, { onError: opts.onError });
  await tailer.start();

  io.on('connection', (socket: FeedSocket) => {
    const auth = (socket.handshake.auth ?? {}) as HandshakeAuth;
    const audience = opts.audienceFor(typeof auth.token === 'string' ? auth.token : undefined);
    socket.data.audience = audience;
    const room = roomFor(audience);
    if (canJoin(audience, room)) void socket.join(room);
    socket.emit('hello', { audience, lastEventId: tailer.position.id === '0' ? null : tailer.position.id });
    const resume = (lastEventId: unknown) => {
      if (typeof lastEventId !== 'string' || !/^\d{1,18}$/.test(lastEventId)) return;
      void replayTo(socket, opts.db, lastEventId, tailer.position, opts.replayLimit ?? 5000).catch((e) => opts.onError?.(e));
    };
    if (auth.lastEventId) resume(auth.lastEventId);
    socket.on('resume', resume);
  });

  return {
    io,
    tailer,
    close: async () => {
      await tailer.stop();
      await new Promise<void>((done) => io.close(() => done()));
    },
  };
}
