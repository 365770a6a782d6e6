// Reports written without a connection wait in IndexedDB with their idempotency key, and are sent once
// when the network returns. The key makes a resend after a lost answer harmless: the server replies with
// the first report instead of making a second one.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { postReport, CitizenApiError } from '../citizen-api.ts';
import type { CreatedCitizenReport, ReportDraft } from '../types.ts';

export interface QueuedReport {
  key: string;
  draft: ReportDraft;
  photos: Blob[];
  queuedAt: string;
}

interface QueueSchema extends DBSchema {
  outbox: { key: string; value: QueuedReport };
  sent: { key: string; value: { key: string; result: CreatedCitizenReport; sentAt: string } };
}

export const QUEUE_EVENT = 'hientruong:report-sent';

let dbPromise: Promise<IDBPDatabase<QueueSchema>> | null = null;
const db = () =>
  (dbPromise ??= openDB<QueueSchema>('hientruong-citizen', 1, {
    upgrade(d) {
      d.createObjectStore('outbox', { keyPath: 'key' });
      d.createObjectStore('sent', { keyPath: 'key' });
    },
  }));

export async function enqueueReport(item: QueuedReport): Promise<void> {
  await (await db()).put('outbox', item);
}

export async function pendingCount(): Promise<number> {
  return (await db()).count('outbox');
}

export async function sentResult(key: string): Promise<CreatedCitizenReport | null> {
  return (await (await db()).get('sent', key))?.result ?? null;
}

/** A failure worth retrying later: no network, or the server not answering properly. */
export function isTransient(e: unknown): boolean {
  return !(e instanceof CitizenApiError) || e.status >= 500 || e.status === 408 || e.status === 429;
}

let flushing: Promise<number> | null = null;

/** Sends every queued report, oldest first; stops at the first transient failure. One flush at a time per tab. */
export function flushQueue(send = postReport): Promise<number> {
  flushing ??= (async () => {
    let sent = 0;
    try {
      const d = await db();
      const items = (await d.getAll('outbox')).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
      for (const item of items) {
        try {
          const result = await send(item.draft, item.photos, item.key);
          const tx = d.transaction(['outbox', 'sent'], 'readwrite');
          await Promise.all([
            tx.objectStore('sent').put({ key: item.key, result, sentAt: new Date().toISOString() }),
            tx.objectStore('outbox').delete(item.key),
            tx.done,
          ]);
          sent++;
          window.dispatchEvent(new CustomEvent(QUEUE_EVENT, { detail: { key: item.key, result } }));
        } catch (e) {
          if (isTransient(e)) break;
          // Refused for good (4xx): keep it out of the loop but not silently: the console says why.
          console.warn('queued report refused', item.key, e);
          await d.delete('outbox', item.key);
        }
      }
    } finally {
      flushing = null;
    }
    return sent;
  })();
  return flushing;
}

/** Flush now and whenever the browser comes back online; called once at startup of the citizen pages. */
export function startQueueFlusher(): () => void {
  const run = () => void flushQueue().catch(() => {});
  window.addEventListener('online', run);
  if (navigator.onLine) run();
  return () => window.removeEventListener('online', run);
}
