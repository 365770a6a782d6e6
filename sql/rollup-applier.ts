// Keeps the rollup queue short. Readers count what is still queued, so this is about their speed, not truth.
import type { Db } from './db.ts';
import { applyReportRollups, vacuumRollupQueue } from './queries/rollups.ts';

export interface RollupApplierOptions {
  /** How often to fold the queue in: at 5,000 reports/s about a thousand rows wait between runs. */
  intervalMs?: number;
  /** Most rows one transaction takes; a full take runs again at once. */
  maxRows?: number;
  /** Rows applied between two VACUUMs of the queue, whose every row is deleted soon after it is written. */
  vacuumEvery?: number;
  onError?: (error: unknown) => void;
}

export interface RollupApplier {
  /** Folds in everything queued now (tests, benches, imports); resolves when done. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

export function startRollupApplier(db: Db, opts: RollupApplierOptions = {}): RollupApplier {
  const maxRows = opts.maxRows ?? 20_000;
  const vacuumEvery = opts.vacuumEvery ?? 10_000;
  let stopped = false;
  let sinceVacuum = 0;
  let running: Promise<void> = Promise.resolve();
  const run = async () => {
    try {
      let taken: number;
      do {
        taken = await applyReportRollups(db, maxRows);
        sinceVacuum += taken;
      } while (!stopped && taken === maxRows);
      // Readers scan the queue: without this its dead rows would pile up between autovacuum's visits.
      if (sinceVacuum >= vacuumEvery) {
        sinceVacuum = 0;
        await vacuumRollupQueue(db);
      }
    } catch (error) {
      if (!stopped) opts.onError?.(error);
    }
  };
  // One run at a time, in order: a slow run delays the next instead of overlapping it.
  const next = () => (running = running.then(run));
  const timer = setInterval(next, opts.intervalMs ?? 200);
  timer.unref();
  return {
    drain: next,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
