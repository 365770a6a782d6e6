// Many socket.io clients: count every notice, time a sample of them against the POST. With `workers`,
// the clients are spread over worker threads so that one core of client-side parsing is not what the
// fan-out bench measures.
import { Worker } from 'node:worker_threads';
import { io, type Socket } from 'socket.io-client';

/** How long a client may take to join its namespace before the bench fails instead of waiting. */
const CONNECT_MS = 60_000;

export interface ClientPool {
  received: number;
  /** `mustRefetch`s received and connections lost (any reason but our own close): beside a backlog, what a step can miss. */
  refetches: number;
  disconnects: number;
  /** (reportId, arrival ms on this thread's performance clock) pairs from the sampled clients. */
  arrivals: { id: string; at: number }[];
  close(): void;
}

export interface ClientOptions {
  batch: boolean;
  staffToken?: string;
  sampleEvery?: number;
  workers?: number;
  /** Niceness of the worker threads (with `workers`): whether the stand-in screens outrank the feed process (nice 19). */
  nice?: number;
}

export async function connectClients(url: string, n: number, opts: ClientOptions): Promise<ClientPool> {
  return opts.workers && opts.workers > 0 ? connectInWorkers(url, n, opts) : connectHere(url, n, opts);
}

async function connectHere(url: string, n: number, opts: ClientOptions): Promise<ClientPool> {
  const pool: ClientPool = {
    received: 0,
    refetches: 0,
    disconnects: 0,
    arrivals: [],
    close: () => sockets.forEach((s) => s.close()),
  };
  const sockets: Socket[] = [];
  const sampleEvery = opts.sampleEvery ?? 10;
  const ready: Promise<void>[] = [];
  for (let i = 0; i < n; i++) {
    // Half staff, half public, as in a command center plus a public map.
    const staff = opts.staffToken && i % 2 === 0;
    const socket = io(url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      auth: { ...(staff ? { token: opts.staffToken } : {}), ...(opts.batch ? { batch: true } : {}) },
    });
    const sampled = i % sampleEvery === 0;
    socket.on('notice', (m: { reportId: string }) => {
      pool.received++;
      if (sampled) pool.arrivals.push({ id: m.reportId, at: performance.now() });
    });
    socket.on('notices', (b: { notices: { reportId: string }[] }) => {
      pool.received += b.notices.length;
      if (sampled) {
        const at = performance.now();
        for (const m of b.notices) pool.arrivals.push({ id: m.reportId, at });
      }
    });
    socket.on('mustRefetch', () => {
      pool.refetches++;
    });
    socket.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect') pool.disconnects++;
    });
    ready.push(
      new Promise((done, fail) => {
        // socket.io-client times out the transport, not the namespace CONNECT: a lost one would hang the bench.
        const timer = setTimeout(
          () => fail(new Error(`client ${i}: no CONNECT in ${CONNECT_MS / 1000} s`)),
          CONNECT_MS,
        );
        socket.once('connect', () => {
          clearTimeout(timer);
          done();
        });
        socket.once('connect_error', (error) => {
          clearTimeout(timer);
          fail(error);
        });
      }),
    );
    sockets.push(socket);
    if (i % 200 === 199) await Promise.all(ready.slice(-200)); // connect in waves, not 5,000 handshakes at once
  }
  await Promise.all(ready);
  return pool;
}

async function connectInWorkers(url: string, n: number, opts: ClientOptions): Promise<ClientPool> {
  const workers: Worker[] = [];
  const pool: ClientPool = {
    received: 0,
    refetches: 0,
    disconnects: 0,
    arrivals: [],
    close: () => workers.forEach((w) => w.postMessage('close')),
  };
  const share = Math.ceil(n / opts.workers!);
  const ready: Promise<void>[] = [];
  for (let from = 0; from < n; from += share) {
    const worker = new Worker(new URL('./client-worker-boot.mjs', import.meta.url), {
      workerData: {
        url,
        count: Math.min(share, n - from),
        batch: opts.batch,
        staffToken: opts.staffToken,
        sampleEvery: opts.sampleEvery ?? 10,
        nice: opts.nice,
      },
    });
    ready.push(
      new Promise((done, fail) => {
        worker.on('error', fail);
        worker.on(
          'message',
          (m: {
            type: string;
            received?: number;
            refetches?: number;
            disconnects?: number;
            arrivals?: { id: string; at: number }[];
          }) => {
            if (m.type === 'ready') return done();
            pool.received += m.received!;
            pool.refetches += m.refetches!;
            pool.disconnects += m.disconnects!;
            // Worker clocks are absolute; bring them onto this thread's performance clock.
            for (const a of m.arrivals!) pool.arrivals.push({ id: a.id, at: a.at - performance.timeOrigin });
          },
        );
      }),
    );
    workers.push(worker);
  }
  await Promise.all(ready);
  return pool;
}
