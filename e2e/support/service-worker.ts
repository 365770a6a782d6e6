// The service worker's registration as DevTools knows it, for the events a test hands the worker over CDP
// (ServiceWorker.deliverPushMessage, ServiceWorker.dispatchSyncEvent).
import type { CDPSession } from 'playwright-core';

/**
 * The id DevTools knows the origin's registration by. Read once per session: DevTools reports registrations when
 * enabled and then only on a change, so a second wait on an enabled session could wait forever.
 */
export async function registrationIdOf(cdp: CDPSession, origin: string): Promise<string> {
  const registered = new Promise<string>((found) =>
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const mine = registrations.find((r) => r.scopeURL === `${origin}/` && !r.isDeleted);
      if (mine) found(mine.registrationId);
    }),
  );
  await cdp.send('ServiceWorker.enable');
  return registered;
}
