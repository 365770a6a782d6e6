// Browser (Chromium, phone): a report written offline is sent by the service worker's Background Sync even after
// its page is closed, exactly once: a later page flush and a second sync find nothing left to send, and the
// idempotency key would make any resend the same report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, CDPSession } from 'playwright-core';
import type { RunningProduct } from '../main.ts';
import type { TestDatabase } from '../sql/test-support/db.ts';
import { fillAnonymousReport } from './citizen-support.ts';
import { launchChromium } from './support/chromium.ts';
import { startBrowserProduct } from './support/product.ts';
import { registrationIdOf } from './support/service-worker.ts';

const TEST_MS = 180_000;
const TAG = 'hientruong-report-outbox';

describe('offline report sent by Background Sync', () => {
  let test: TestDatabase;
  let product: RunningProduct;
  let browser: Browser;
  let phone: BrowserContext;

  beforeAll(async () => {
    ({ test, product } = await startBrowserProduct());
    browser = await launchChromium();
    phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      geolocation: { latitude: 19.8075, longitude: 105.7766, accuracy: 12 },
      // Chromium allows Background Sync by default; a context with permission overrides must name it.
      permissions: ['geolocation', 'background-sync'],
    });
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    await test?.pool.end();
  });

  const count = async (description: string) =>
    (
      await test.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM reports WHERE description = $1', [
        description,
      ])
    ).rows[0].n;

  /** What the browser does when connectivity returns: fire the service worker's sync event (over CDP). */
  async function fireSync(cdp: CDPSession, registrationId: string): Promise<void> {
    await cdp.send('ServiceWorker.dispatchSyncEvent', {
      origin: product.url,
      registrationId,
      tag: TAG,
      lastChance: false,
    });
  }

  it(
    'offline -> queued with a sync tag -> page closed -> online -> the worker sends it once',
    async () => {
      const description = `Rác đổ trộm, gửi bằng Background Sync (e2e ${Date.now()})`;
      const page = await phone.newPage();
      if (process.env.E2E_DEBUG) page.on('console', (m) => console.log('[phone]', m.type(), m.text()));
      await page.goto(`${product.url}/report`);
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await fillAnonymousReport(page, 'rubbish', description);
      await phone.setOffline(true);
      await page.tap('[data-testid="next"]');
      await page.waitForSelector('[data-testid="queued"]');
      const syncState = () =>
        page.evaluate(async () => {
          const r = await navigator.serviceWorker.getRegistration();
          const sync = r && (Reflect.get(r, 'sync') as { getTags(): Promise<string[]> } | undefined);
          return { supported: !!sync, tags: sync ? await sync.getTags() : [] };
        });
      expect((await syncState()).supported).toBe(true);
      // Registered when queued (or fired at once already, the browser's own network being up: then it is in).
      await expect
        .poll(async () =>
          (await syncState()).tags.includes(TAG) ? 'registered' : (await count(description)) === 1 ? 'sent' : 'none',
        )
        .not.toBe('none');
      // No page is left to flush the queue: only the service worker can send it now.
      await page.close();
      await phone.setOffline(false);

      const helper = await phone.newPage();
      await helper.goto(`${product.url}/manifest.webmanifest`);
      const cdp = await phone.newCDPSession(helper);
      const registrationId = await registrationIdOf(cdp, product.url);
      await expect
        .poll(
          async () => {
            if ((await count(description)) === 0) await fireSync(cdp, registrationId).catch(() => {});
            return count(description);
          },
          { timeout: 60_000, interval: 2000 },
        )
        .toBe(1);

      // The page's own flush on load, and another sync, find the outbox empty: still one report.
      const again = await phone.newPage();
      await again.goto(`${product.url}/report`);
      await again.waitForSelector('[data-testid="use-location"]');
      await fireSync(cdp, registrationId);
      await again.waitForTimeout(2000);
      expect(await count(description)).toBe(1);
      expect(
        await again.evaluate(async () => {
          const db = await new Promise<IDBDatabase>((done) => {
            const open = indexedDB.open('hientruong-citizen');
            open.onsuccess = () => done(open.result);
          });
          return new Promise<number>((done) => {
            const req = db.transaction('outbox').objectStore('outbox').count();
            req.onsuccess = () => done(req.result);
          });
        }),
      ).toBe(0);
    },
    TEST_MS,
  );
});
