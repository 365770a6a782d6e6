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

self.addEventListener('notificationclick', (event: NotificationEvent) => {
  event.notification.close();
  const url = new URL((event.notification.data as { url?: string } | null)?.url ?? '/map', self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => w.url === url);
      return open ? open.focus() : self.clients.openWindow(url);
    }),
  );
});
