// Web Push in the service worker: an official alert, or a followed report's new status, as a notification;
// a tap opens (or focuses) the page it links to: the map over the alert, or the report's tracking page.
/// <reference lib="webworker" />
import type { PushPayloadDTO as PushPayload } from '../../ingest/presenters/dto.ts';
declare const self: ServiceWorkerGlobalScope;

self.addEventListener('push', (event: PushEvent) => {
  let p: PushPayload;
  try {
    p = event.data?.json() as PushPayload;
  } catch {
    return;
  }
  if (!p?.title) return;
  event.waitUntil(
    self.registration.showNotification(p.title, {
      body: p.body ?? '',
      tag: p.alertId ? `alert-${p.alertId}` : p.code ? `report-${p.code}` : undefined,
      icon: '/icons/icon-192.png',
      lang: 'vi',
      data: { url: p.url ?? '/map' },
    }),
  );
});

/** The first path segment: the kind of page (`map`, `track`), whatever it shows. */
const pageOf = (href: string) => new URL(href).pathname.split('/')[1];

/**
 * Where a tap lands: a window already showing the link is brought forward; else a window of ours on the same kind
 * of page (a map for an alert, a tracking page for a report) is brought forward and moved there; else a new one.
 * Never a window on another page: a half-filled report form is not taken away.
 */
async function openOrFocus(url: string): Promise<unknown> {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const showing = windows.find((w) => w.url === url);
  if (showing) return showing.focus();
  // navigate() works only on windows this worker controls, so only those are taken over.
  const controlled = await self.clients.matchAll({ type: 'window' });
  const samePage = controlled.find((w) => pageOf(w.url) === pageOf(url));
  if (!samePage) return self.clients.openWindow(url);
  // Focus is the browser's to grant and it may refuse (only a real tap earns it): the move happens anyway.
  await samePage.focus().catch(() => undefined);
  return samePage.navigate(url);
}

self.addEventListener('notificationclick', (event: NotificationEvent) => {
  event.notification.close();
  const url = new URL((event.notification.data as { url?: string } | null)?.url ?? '/map', self.location.origin).href;
  event.waitUntil(openOrFocus(url));
});
