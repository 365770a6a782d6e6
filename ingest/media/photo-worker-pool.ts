// One photo worker process, forked on first use at niceness 19: on a busy machine the kernel gives the
// ingest process (and Postgres) the CPU first, and photos take what is left. Restarted if it dies.
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { setPriority } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { processPhotoHere, type ProcessedPhoto } from './photo-processing.ts';

export interface PhotoJob {
  id: number;
  path: string;
}
export type PhotoJobResult =
  { id: number; ok: true; photo: ProcessedPhoto } | { id: number; ok: false; message: string } | { id: 0; ready: true };

const ENTRY = fileURLToPath(new URL('./photo-worker.ts', import.meta.url));
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const PHOTO_NICE = 19;

let child: ChildProcess | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve(p: ProcessedPhoto): void; reject(e: Error): void }>();

function worker(): ChildProcess {
  if (child?.connected) return child;
  const c = fork(ENTRY, [], {
    execArgv: ['--import', tsxLoader],
    serialization: 'advanced', // Buffers cross as bytes, not JSON
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    setPriority(c.pid!, PHOTO_NICE);
  } catch {
    // Not allowed here: it runs at the main priority, still one photo at a time.
  }
  c.on('message', (m: PhotoJobResult) => {
    if ('ready' in m) return;
    const job = waiting.get(m.id);
    waiting.delete(m.id);
    if (m.ok) job?.resolve({ ...m.photo, display: Buffer.from(m.photo.display), thumb: Buffer.from(m.photo.thumb) });
    else job?.reject(new Error(m.message));
  });
  c.on('exit', () => {
    if (child === c) child = null;
    for (const [id, job] of waiting) {
      waiting.delete(id);
      job.reject(new Error('the photo worker stopped'));
    }
  });
  // Never what keeps the product (or a test run) alive.
  c.unref();
  (c.channel as { unref?: () => void } | undefined)?.unref?.();
  return (child = c);
}

let chain: Promise<unknown> = Promise.resolve();

/** Processes one photo in the worker process (one at a time), or here when PHOTO_WORKER=0. */
export function processPhoto(path: string): Promise<ProcessedPhoto> {
  if (process.env.PHOTO_WORKER === '0') return processPhotoHere(path);
  const run = chain.then(
    () =>
      new Promise<ProcessedPhoto>((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve, reject });
        worker().send({ id, path } satisfies PhotoJob);
      }),
  );
  chain = run.catch(() => {});
  return run;
}

/** Ends the worker (the product's stop). */
export function stopPhotoWorker(): void {
  child?.kill();
  child = null;
}
