// A socket.io-client that records every notice, for tests and benches. It keeps the resume cursor the
// way a real client must (last notice's eventId, or a batch's upTo) and sends it on every reconnect.
import { io, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  HelloMessage,
  MustRefetch,
  ReportNotice,
  ServerToClientEvents,
  WatchRequest,
} from '../protocol.ts';

export interface RecordingClient {
  socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  notices: ReportNotice[];
  refetches: MustRefetch[];
  hello: Promise<HelloMessage>;
  /** The cursor the next (re)connect resumes from. */
  readonly lastEventId: string | null;
  waitFor(predicate: (n: ReportNotice[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): void;
}

export interface ClientOptions {
  token?: string;
  lastEventId?: string;
  batch?: boolean;
  watch?: WatchRequest;
  /** Resume on reconnect with the newest cursor (default true); a fresh client starts from hello's. */
  resume?: boolean;
  reconnectionDelay?: number;
}

export function recordingClient(url: string, opts: ClientOptions = {}): RecordingClient {
  let cursor: string | null = opts.lastEventId ?? null;
  let greeted = false;
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelay: opts.reconnectionDelay ?? 100,
    reconnectionDelayMax: 500,
    auth: (cb) =>
      cb({
        ...(opts.token ? { token: opts.token } : {}),
        ...(opts.batch ? { batch: true } : {}),
        ...(opts.watch ? { watch: opts.watch } : {}),
        // '0' resumes from the start of the log: a client that has seen nothing yet still misses nothing.
        ...(opts.resume !== false && (cursor || greeted) ? { lastEventId: cursor ?? '0' } : {}),
      }),
  });
  const notices: ReportNotice[] = [];
  const refetches: MustRefetch[] = [];
  socket.on('notice', (n) => {
    notices.push(n);
    cursor = n.eventId;
  });
  socket.on('notices', (b) => {
    for (const n of b.notices) notices.push(n);
    cursor = b.upTo;
  });
  socket.on('mustRefetch', (why) => refetches.push(why));
  const hello = new Promise<HelloMessage>((done) =>
    socket.once('hello', (h) => {
      greeted = true;
      if (cursor === null) cursor = h.lastEventId;
      done(h);
    }),
  );
  return {
    socket,
    notices,
    refetches,
    hello,
    get lastEventId() {
      return cursor;
    },
    waitFor: (predicate, timeoutMs = 5000) =>
      new Promise((done, fail) => {
        const started = Date.now();
        const check = () => {
          if (predicate(notices)) return done();
          if (Date.now() - started > timeoutMs) return fail(new Error(`timed out with ${notices.length} notices`));
          setTimeout(check, 10);
        };
        check();
      }),
    close: () => socket.close(),
  };
}

/** Ids seen more than once, and expected ids never seen. */
export function gapsAndDuplicates(
  seen: string[],
  expected: string[],
): { missing: string[]; duplicates: string[]; extra: string[] } {
  const counts = new Map<string, number>();
  for (const id of seen) counts.set(id, (counts.get(id) ?? 0) + 1);
  const want = new Set(expected);
  return {
    missing: expected.filter((id) => !counts.has(id)),
    duplicates: [...counts].filter(([, n]) => n > 1).map(([id]) => id),
    extra: [...counts.keys()].filter((id) => !want.has(id)),
  };
}
