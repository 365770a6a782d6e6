// Worker threads do not inherit tsx's loader: register it, then run the TypeScript worker (workerData.script, an
// absolute file URL, or the feed bench's client-worker.ts).
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData?.script ?? new URL('./client-worker.ts', import.meta.url).href);
