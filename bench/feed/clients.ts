// Many socket.io clients in one process: count every notice, time a sample of them against the POST.
import { io, type Socket } from 'socket.io-client';

export interface ClientPool {
  received: number;
  /** (reportId, arrival ms) pairs from the sampled clients. */
  arrivals: { id: string; at: number }[];
  close(): void;
}

export async function connectClients(url: string, n: number, opts: { batch: boolean; staffToken?: string; sampleEvery?: number }): Promise<ClientPool> {
  const pool: ClientPool = { received: 0, arrivals: [], close: () => sockets.forEach((s) => s.close()) };
  const sockets: Socket[] = [];
  const sampleEvery = opts.sampleEvery ?? 10;
  const ready: Promise<void>[] = [];
  for (let i = 0; i < n; i++) {
    // Half staff, half public, as in a command center plus a public map.
    const staff = opts.staffToken && i % 2 === 0;
    const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false,
      auth: { ...(staff ? { token: opts.staffToken } : {}), ...(opts.batch ? { batch: true } : {}) } });
    const sampled = i % sampleEvery === 0;
    socket.on('notice', (m: { reportId: string }) => {
      pool.received++;
      if (sampled) pool.arrivals.push({ id: m.reportId, at: performance.now() });
    });
    socket.on('notices', (b: { notices: { reportId: string }[] }) => {
      pool.received += b.notices.length;
      if (sampled) { const at = performance.now(); for (const m of b.notices) pool.arrivals.push({ id: m.reportId, at }); }
    });
    ready.push(new Promise((done, fail) => { socket.once('connect', () => done()); socket.once('connect_error', fail); }));
    sockets.push(socket);
    if (i % 200 === 199) await Promise.all(ready.slice(-200)); // connect in waves, not 5,000 handshakes at once
  }
  await Promise.all(ready);
  return pool;
}
