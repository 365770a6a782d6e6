// Worker thread holding a share of the bench's socket.io clients, so the load generator is not one
// core's worth of JSON parsing. Started through client-worker-boot.mjs: workers do not inherit tsx's loader.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { connectClients, type ClientOptions } from './clients.ts';

const { url, count, nice, ...opts } = workerData as { url: string; count: number } & Omit<ClientOptions, 'workers'>;
const port = parentPort!;
// On Linux a thread has its own niceness, set through its thread id (/proc/thread-self -> <pid>/task/<tid>).
if (nice !== undefined) setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), nice);
const pool = await connectClients(url, count, opts);
port.postMessage({ type: 'ready' });
// The pool is this thread's alone: hand its counts over and start them again from zero.
const report = setInterval(() => {
  const { received, refetches, disconnects } = pool;
  if (received + refetches + disconnects === 0 && pool.arrivals.length === 0) return;
  // Absolute ms: this thread's performance clock starts at its own origin.
  const arrivals = pool.arrivals.splice(0).map((a) => ({ id: a.id, at: a.at + performance.timeOrigin }));
  port.postMessage({ type: 'counts', received, refetches, disconnects, arrivals });
  pool.received = pool.refetches = pool.disconnects = 0;
}, 25);
port.on('message', (m) => {
  if (m !== 'close') return;
  clearInterval(report);
  pool.close();
  port.close();
});
