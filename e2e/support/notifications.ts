// Web Push and notification taps in the real service worker. A push is delivered through DevTools
// (ServiceWorker.deliverPushMessage), as a push service would wake the worker. A tap cannot be: headless Chromium
// shows no notification to click, so the worker itself is handed a `notificationclick` for the notification it
// shows, and its own handler runs. Chromium grants window focus and new windows only to a click it dispatched, so
// such a tap can move a window the worker controls (WindowClient.navigate) but not open one (openWindow rejects);
// `recordOpenWindow` lets a test see what the handler asked the browser to open.
import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';
import type { PushPayloadDTO } from '../../ingest/presenters/dto.ts';

export interface Shown {
  title: string;
  body: string;
  tag: string;
  url: string | undefined;
}

/** The service worker scope's parts the evaluated functions use (the DOM lib the tests compile with lacks them). */
interface WorkerScope {
  registration: ServiceWorkerRegistration;
  clients: { openWindow(url: string): Promise<unknown> };
  NotificationEvent: new (type: string, init: { notification: Notification }) => Event;
  dispatchEvent(event: Event): boolean;
  __openWindowAsked?: string[];
}

/** The notification on screen under `tag`, read through a page's registration, or null. */
export function notificationTagged(page: Page, tag: string): Promise<Shown | null> {
  return page.evaluate(async (wanted) => {
    const registration = await navigator.serviceWorker.ready;
    const [n] = await registration.getNotifications({ tag: wanted });
    return n ? { title: n.title, body: n.body, tag: n.tag, url: (n.data as { url?: string } | null)?.url } : null;
  }, tag);
}

/**
 * Pushes `payload` to the service worker and waits for the notification it shows under `tag`. One left from
 * before under that tag is closed first, so the one read back is this push's.
 */
export async function pushAndRead(
  cdp: CDPSession,
  page: Page,
  at: { origin: string; registrationId: string },
  payload: PushPayloadDTO,
  tag: string,
): Promise<Shown> {
  await page.evaluate(async (wanted) => {
    const registration = await navigator.serviceWorker.ready;
    for (const n of await registration.getNotifications({ tag: wanted })) n.close();
    while ((await registration.getNotifications({ tag: wanted })).length > 0)
      await new Promise((r) => setTimeout(r, 50));
  }, tag);
  const deliver = () => cdp.send('ServiceWorker.deliverPushMessage', { ...at, data: JSON.stringify(payload) });
  await deliver();
  // Polled with evaluate, which awaits the page's promise (waitForFunction would take the promise itself as truthy).
  const started = Date.now();
  let delivered = started;
  let pushes = 1;
  for (;;) {
    const shown = await notificationTagged(page, tag);
    if (shown) return shown;
    if (Date.now() - started > 30_000) throw new Error(`no notification tagged ${tag} after ${pushes} pushes`);
    // DevTools' delivery is fire-and-forget: a push Chromium drops (CI saw one, once) is sent again, as a push
    // service would retry; the same tag replaces, so a second delivery cannot show a second notification.
    if (Date.now() - delivered > 5_000) {
      await deliver();
      delivered = Date.now();
      pushes++;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function serviceWorkerOf(context: BrowserContext): Promise<Worker> {
  return (
    context.serviceWorkers().find((w) => w.url().endsWith('/sw.js')) ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }))
  );
}

/** Taps the notification shown under `tag`: its `notificationclick` runs in the worker. False: none was shown. */
export async function tapNotification(context: BrowserContext, tag: string): Promise<boolean> {
  const worker = await serviceWorkerOf(context);
  return worker.evaluate(async (wanted) => {
    const scope = self as unknown as WorkerScope;
    const [notification] = await scope.registration.getNotifications({ tag: wanted });
    if (!notification) return false;
    scope.dispatchEvent(new scope.NotificationEvent('notificationclick', { notification }));
    return true;
  }, tag);
}

/** From now on, every URL the worker asks the browser to open (the browser still gets the call). */
export async function recordOpenWindow(context: BrowserContext): Promise<void> {
  await (
    await serviceWorkerOf(context)
  ).evaluate(() => {
    const scope = self as unknown as WorkerScope;
    if (scope.__openWindowAsked) return;
    const asked: string[] = (scope.__openWindowAsked = []);
    const real = scope.clients.openWindow.bind(scope.clients);
    scope.clients.openWindow = (url: string) => {
      asked.push(url);
      return real(url);
    };
  });
}

/** The URLs asked since `recordOpenWindow`. */
export async function openWindowAsked(context: BrowserContext): Promise<string[]> {
  return (await serviceWorkerOf(context)).evaluate(() => (self as unknown as WorkerScope).__openWindowAsked ?? []);
}
