// Worker thread holding a share of the surge bench's sockets (started through bench/feed/client-worker-boot.mjs).
// Each socket records the report events it receives (SeenSet) and resumes from its last position on a reconnect,
// as a real screen does. Told to refetch (its queue overflowed), it reconnects from its last position: where a real
// screen reloads a snapshot, the stand-in asks the log for what it missed, so exactly-once stays measurable.
// Asked, the thread compares every socket with the set its room was owed.
import { parentPort, workerData } from 'node:worker_threads';
import { io } from 'socket.io-client';
import { SeenSet } from './seen-set.ts';

export interface SocketWorkerData {
  script: string;
  url: string;
  count: number;
  /** Every socket with an even index here signs in as staff (the wall token) when given; the rest are public. */
  staffToken?: string;
  base: number;
  capacity: number;
}

export type ToSocketWorker =
  { type: 'progress' } | { type: 'compare'; owed: { staff: Uint8Array; public: Uint8Array } } | { type: 'close' };

export interface SocketTally {
  sockets: number;
  staff: number;
  exact: number;
  missing: number;
  duplicates: number;
  extra: number;
  refetches: number;
  reconnects: number;
}

const data = workerData as SocketWorkerData;
const port = parentPort!;

interface Screen {
  room: 'staff' | 'public';
  seen: SeenSet;
  refetches: number;
  reconnects: number;
  close(): void;
}

function connect(i: number): Promise<Screen> {
  const staff = Boolean(data.staffToken) && i % 2 === 0;
  let cursor: string | null = null;
  const screen: Screen = {
    room: staff ? 'staff' : 'public',
    seen: new SeenSet(data.base, data.capacity),
    refetches: 0,
    reconnects: 0,
    close: () => socket.close(),
  };
  const socket = io(data.url, {
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelay: 200,
    reconnectionDelayMax: 2000,
    auth: (cb) =>
      cb({ ...(staff ? { token: data.staffToken } : {}), batch: true, ...(cursor ? { lastEventId: cursor } : {}) }),
  });
  socket.on('hello', (h: { lastEventId: string }) => void (cursor ??= h.lastEventId));
  socket.on('notices', (b: { notices: { eventId: string; kind: string }[]; upTo: string }) => {
    for (const n of b.notices) if (n.kind === 'report.created') screen.seen.add(Number(n.eventId));
    cursor = b.upTo;
  });
  socket.on('mustRefetch', () => {
    screen.refetches++;
    socket.disconnect().connect();
  });
  socket.io.on('reconnect', () => void screen.reconnects++);
  return new Promise((done, fail) => {
    socket.once('hello', () => done(screen));
    socket.once('connect_error', fail);
  });
}

const screens: Screen[] = [];
for (let i = 0; i < data.count; i += 100) {
  // In waves: a few hundred handshakes at once, not thousands.
  const wave = Array.from({ length: Math.min(100, data.count - i) }, (_, k) => connect(i + k));
  screens.push(...(await Promise.all(wave)));
}
port.postMessage({ type: 'ready' });

port.on('message', (m: ToSocketWorker) => {
  if (m.type === 'progress') {
    const least = { staff: Infinity, public: Infinity };
    for (const s of screens) least[s.room] = Math.min(least[s.room], s.seen.count);
    port.postMessage({ type: 'progress', least });
  } else if (m.type === 'compare') {
    const tally: SocketTally = {
      sockets: 0,
      staff: 0,
      exact: 0,
      missing: 0,
      duplicates: 0,
      extra: 0,
      refetches: 0,
      reconnects: 0,
    };
    for (const s of screens) {
      const { missing, extra } = s.seen.compare(m.owed[s.room]);
      tally.sockets++;
      if (s.room === 'staff') tally.staff++;
      tally.missing += missing;
      tally.extra += extra;
      tally.duplicates += s.seen.duplicates;
      tally.refetches += s.refetches;
      tally.reconnects += s.reconnects;
      if (missing + extra + s.seen.duplicates === 0) tally.exact++;
    }
    port.postMessage({ type: 'tally', tally });
  } else if (m.type === 'close') {
    for (const s of screens) s.close();
    port.close();
  }
});
