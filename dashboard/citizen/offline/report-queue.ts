// Reports written without a connection wait in IndexedDB with their idempotency key, and are sent once
// when the network returns: by the service worker's Background Sync where the browser has it (the page may be
// closed by then, see pwa/outbox-sync.ts), and by the page on `online` everywhere. Both flush under one Web Lock,
// and the key makes a resend after a lost answer harmless: the server replies with the first report.
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

/** The Background Sync tag the page registers and the service worker answers. */
export const OUTBOX_SYNC_TAG = 'hientruong-report-outbox';
const OUTBOX_LOCK = 'hientruong-report-outbox';

export type SentNotice = { key: string; result: CreatedCitizenReport };
const announceInPage = (sent: SentNotice) => window.dispatchEvent(new CustomEvent(QUEUE_EVENT, { detail: sent }));

let flushing: Promise<number> | null = null;

/**
 * Sends every queued report, oldest first; stops at the first transient failure. One flush at a time per tab, and
 * one at a time across the tabs and the service worker where Web Locks exist (the loser finds the outbox empty).
 */
export function flushQueue(send = postReport, announce: (sent: SentNotice) => void = announceInPage): Promise<number> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  flushing ??= (
    locks ? locks.request(OUTBOX_LOCK, () => flushOnce(send, announce)) : flushOnce(send, announce)
  ).finally(() => (flushing = null));
  return flushing;
}

async function flushOnce(send: typeof postReport, announce: (sent: SentNotice) => void): Promise<number> {
  let sent = 0;
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
      announce({ key: item.key, result });
    } catch (e) {
      if (isTransient(e)) break;
      // Refused for good (4xx): keep it out of the loop but not silently: the console says why.
      console.warn('queued report refused', item.key, e);
      await d.delete('outbox', item.key);
    }
  }
  return sent;
}

/** ServiceWorkerRegistration.sync, which not every browser (nor every TypeScript DOM library) has. */
interface OutboxSync {
  register(tag: string): Promise<void>;
}

/** Asks the service worker to send the outbox once the network is back, where Background Sync exists. */
export async function requestBackgroundSync(): Promise<boolean> {
  const registration = await navigator.serviceWorker?.getRegistration();
  // Absent where the browser has no Background Sync (Firefox, Safari): the page's own flush covers them.
  const sync = (registration ? Reflect.get(registration, 'sync') : undefined) as OutboxSync | undefined;
  if (!sync) return false;
  return sync.register(OUTBOX_SYNC_TAG).then(
    () => true,
    (e: unknown) => {
      console.warn('background sync not registered; the page sends the queue when online', e);
      return false;
    },
  );
}

/**
 * Flush now and whenever the browser comes back online; called once at startup of the citizen pages. What the
 * service worker sends reaches this page as a message and is announced like its own sends.
 */
export function startQueueFlusher(): () => void {
  const run = () => void flushQueue().catch(() => {});
  const fromWorker = (e: MessageEvent<{ type?: string } & Partial<SentNotice>>) => {
    if (e.data?.type === QUEUE_EVENT && e.data.key && e.data.result)
      announceInPage({ key: e.data.key, result: e.data.result });
  };
  window.addEventListener('online', run);
  navigator.serviceWorker?.addEventListener('message', fromWorker);
  if (navigator.onLine) run();
  return () => {
    window.removeEventListener('online', run);
    navigator.serviceWorker?.removeEventListener('message', fromWorker);
  };
}
