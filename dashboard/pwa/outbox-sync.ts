// Background Sync: the browser wakes the service worker when the network is back, even with the page closed, and
// it sends the report outbox the page filled (citizen/offline/report-queue.ts, same IndexedDB, same keys). Open
// pages hear of each report sent. What is left queued fails the event, so the browser tries again later.
/// <reference lib="webworker" />
import {
  flushQueue,
  OUTBOX_SYNC_TAG,
  pendingCount,
  QUEUE_EVENT,
  type SentNotice,
} from '../citizen/offline/report-queue.ts';

declare const self: ServiceWorkerGlobalScope;

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

async function tellPages(sent: SentNotice): Promise<void> {
  for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true }))
    client.postMessage({ type: QUEUE_EVENT, ...sent });
}

self.addEventListener('sync', ((event: SyncEvent) => {
  if (event.tag !== OUTBOX_SYNC_TAG) return;
  event.waitUntil(
    (async () => {
      await flushQueue(undefined, (sent) => void tellPages(sent));
      if ((await pendingCount()) > 0) throw new Error('reports still queued: the browser retries the sync later');
    })(),
  );
}) as EventListener);
