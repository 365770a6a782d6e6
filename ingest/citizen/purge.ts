// The citizen side's housekeeping: Idempotency-Key records past their window, and photo files no row names (their
// report's transaction failed or rolled back after the files were stored). Runs on a timer from main.ts;
// safe on several servers at once (a delete of what another server deleted is a no-op).
import type { Db } from '../../sql/db.ts';
import { deleteIdempotencyKeysBefore } from '../../sql/queries/idempotency.ts';
import { referencedMediaKeys } from '../../sql/queries/photos.ts';
import type { MediaStore } from '../media/media-store.ts';
import { startRepeatingJob } from '../repeating-job.ts';

export interface PurgeOptions {
  /** How long a retry with the same Idempotency-Key still gets the first answer (default 30 days: a phone may
   * stay offline for days with a report queued). */
  idempotencyWindowMs?: number;
  /** Files younger than this are left alone: their report's transaction may not have committed yet (default 1 h). */
  orphanGraceMs?: number;
}

const DAY_MS = 86_400_000;
const BATCH = 500;

export async function purgeCitizenLeftovers(
  db: Db,
  media: MediaStore,
  opts: PurgeOptions = {},
  now = new Date(),
): Promise<{ idempotencyKeys: number; orphanFiles: number }> {
  const idempotencyKeys = await deleteIdempotencyKeysBefore(
    db,
    new Date(now.getTime() - (opts.idempotencyWindowMs ?? 30 * DAY_MS)),
  );
  const before = new Date(now.getTime() - (opts.orphanGraceMs ?? 3_600_000));
  let orphanFiles = 0;
  const sweep = async (keys: string[]) => {
    const kept = await referencedMediaKeys(db, keys);
    for (const key of keys.filter((k) => !kept.has(k))) {
      await media.remove(key, before);
      orphanFiles++;
    }
  };
  let batch: string[] = [];
  for await (const key of media.storedBefore(before)) {
    batch.push(key);
    if (batch.length < BATCH) continue;
    await sweep(batch);
    batch = [];
  }
  if (batch.length) await sweep(batch);
  return { idempotencyKeys, orphanFiles };
}

/** Runs the purge every `intervalMs` (default hourly), one run at a time; `stop()` waits for a run in progress. */
export function startCitizenPurge(
  db: Db,
  media: MediaStore,
  opts: PurgeOptions & { intervalMs?: number; onError?: (e: unknown) => void } = {},
) {
  return startRepeatingJob(() => purgeCitizenLeftovers(db, media, opts), opts.intervalMs ?? 3_600_000, opts.onError);
}
