// The surge bench's stand-in screens: sockets spread over worker threads, asked for progress and for their tally.
import { Worker } from 'node:worker_threads';
import type { SocketTally, SocketWorkerData, ToSocketWorker } from './socket-worker.ts';

export interface Screens {
  /** The fewest report events any one socket of each room has received so far. */
  progress(): Promise<{ staff: number; public: number }>;
  tally(owed: { staff: Uint8Array; public: Uint8Array }): Promise<SocketTally>;
  close(): void;
}

const BOOT = new URL('../feed/client-worker-boot.mjs', import.meta.url);
const SCRIPT = new URL('./socket-worker.ts', import.meta.url).href;

export async function connectScreens(
  sockets: number,
  threads: number,
  each: Omit<SocketWorkerData, 'script' | 'count'>,
): Promise<Screens> {
  const share = Math.ceil(sockets / threads);
  const workers: Worker[] = [];
  for (let from = 0; from < sockets; from += share) {
    const workerData: SocketWorkerData = { ...each, script: SCRIPT, count: Math.min(share, sockets - from) };
    workers.push(new Worker(BOOT, { workerData }));
  }
  await Promise.all(workers.map((w) => answer(w, 'ready')));
  const ask = <T>(message: ToSocketWorker, type: string) =>
    Promise.all(
      workers.map((w) => {
        const answered = answer<T>(w, type);
        w.postMessage(message);
        return answered;
      }),
    );
  return {
    progress: async () => {
      const all = await ask<{ least: { staff: number; public: number } }>({ type: 'progress' }, 'progress');
      return {
        staff: Math.min(...all.map((a) => a.least.staff)),
        public: Math.min(...all.map((a) => a.least.public)),
      };
    },
    tally: async (owed) => {
      const all = await ask<{ tally: SocketTally }>({ type: 'compare', owed }, 'tally');
      const sum = { sockets: 0, staff: 0, exact: 0, missing: 0, duplicates: 0, extra: 0, refetches: 0, reconnects: 0 };
      for (const { tally } of all) for (const k of Object.keys(sum) as (keyof SocketTally)[]) sum[k] += tally[k];
      return sum;
    },
    close: () => workers.forEach((w) => w.postMessage({ type: 'close' } satisfies ToSocketWorker)),
  };
}

function answer<T>(worker: Worker, type: string): Promise<T> {
  return new Promise((done, fail) => {
    const onMessage = (m: T & { type: string }) => {
      if (m.type !== type) return;
      worker.off('message', onMessage);
      worker.off('error', fail);
      done(m);
    };
    worker.on('message', onMessage);
    worker.once('error', fail);
  });
}
