// Worker thread holding a share of the bench's socket.io clients, so the load generator is not one
// core's worth of JSON parsing. Plain JS: workers do not inherit tsx's loader.
import { parentPort, workerData } from 'node:worker_threads';
import { io } from 'socket.io-client';

const { url, from, count, batch, staffToken, sampleEvery } = workerData;
const now = () => performance.timeOrigin + performance.now(); // absolute ms: comparable across threads
let received = 0;
let arrivals = [];
const sockets = [];
const ready = [];
for (let i = from; i < from + count; i++) {
  const staff = staffToken && i % 2 === 0;
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false,
    auth: { ...(staff ? { token: staffToken } : {}), ...(batch ? { batch: true } : {}) } });
  const sampled = i % sampleEvery === 0;
  socket.on('notice', (m) => { received++; if (sampled) arrivals.push({ id: m.reportId, at: now() }); });
  socket.on('notices', (b) => {
    received += b.notices.length;
    if (sampled) { const at = now(); for (const m of b.notices) arrivals.push({ id: m.reportId, at }); }
  });
  ready.push(new Promise((done, fail) => { socket.once('connect', () => done()); socket.once('connect_error', fail); }));
  sockets.push(socket);
  if (ready.length % 200 === 0) await Promise.all(ready.slice(-200));
}
await Promise.all(ready);
parentPort.postMessage({ type: 'ready' });
const report = setInterval(() => {
  if (!received && !arrivals.length) return;
  parentPort.postMessage({ type: 'counts', received, arrivals });
  received = 0;
  arrivals = [];
}, 25);
parentPort.on('message', (m) => {
  if (m === 'close') { clearInterval(report); sockets.forEach((s) => s.close()); parentPort.close(); }
});
