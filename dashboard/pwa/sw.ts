// Service worker (vite-plugin-pwa, injectManifest): the app shell and the citizen pages work offline.
// Hashed assets are immutable (cache first); pages try the network, then the cached shell; the category
// list is kept for an offline report form. Reports are queued by the page (IndexedDB) and sent from here by
// Background Sync (outbox-sync.ts).
/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every page is index.html: offline, serve the precached shell for any non-API navigation.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//, /^\/socket\.io/] }));

registerRoute(
  ({ url, request }) =>
    url.origin === self.location.origin && url.pathname.startsWith('/assets/') && request.method === 'GET',
  new CacheFirst({ cacheName: 'assets', plugins: [new ExpirationPlugin({ maxEntries: 80 })] }),
);

registerRoute(
  ({ url }) => url.pathname === '/api/v1/categories' || url.pathname === '/api/v1/config',
  new NetworkFirst({ cacheName: 'citizen-api', networkTimeoutSeconds: 4 }),
);

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// Web Push: official alerts and a followed report's status changes (push-handler.ts).
import './push-handler.ts';
import './outbox-sync.ts';
