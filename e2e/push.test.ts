// Browser: the PWA's service worker turns Web Push messages into notifications. Chromium wakes the real, registered
// worker with a push through DevTools (ServiceWorker.deliverPushMessage), as a push service would, carrying the
// server's own payload for a published alert and for a followed report; the page reads the notifications back
// (registration.getNotifications()) with the page a tap opens. The tap itself is not driven: a notificationclick
// can only be script-constructed here, and Chromium refuses waitUntil on one (and openWindow without a real tap).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import type { RunningProduct } from '../main.ts';
import type { TestDatabase } from '../sql/test-support/db.ts';
import { alertPushPayload, reportPushPayload } from '../ingest/presenters/push-payload.ts';
import type { PushPayloadDTO } from '../ingest/presenters/dto.ts';
import { sampleAlert } from '../ingest/test-support/alerts.ts';
import { login } from '../realtime/test-support/staff-login.ts';
import { launchChromium } from './support/chromium.ts';
import { startBrowserProduct } from './support/product.ts';

interface Shown {
  title: string;
  body: string;
  tag: string;
  url: string | undefined;
}

describe('push notifications in the browser', () => {
  let test: TestDatabase;
  let product: RunningProduct;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let cdp: CDPSession;
  let registrationId = '';

  beforeAll(async () => {
    ({ test, product } = await startBrowserProduct());
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.grantPermissions(['notifications'], { origin: product.url });
    page = await context.newPage();
    await page.goto(`${product.url}/report`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    cdp = await context.newCDPSession(page);
    const registered = new Promise<string>((found) =>
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        const mine = registrations.find((r) => r.scopeURL === `${product.url}/` && !r.isDeleted);
        if (mine) found(mine.registrationId);
      }),
    );
    await cdp.send('ServiceWorker.enable');
    registrationId = await registered;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    await test?.pool.end();
  });

  /** Pushes `payload` to the page's service worker and waits for the notification it shows under `tag`. */
  async function pushAndRead(payload: PushPayloadDTO, tag: string): Promise<Shown> {
    await cdp.send('ServiceWorker.deliverPushMessage', {
      origin: product.url,
      registrationId,
      data: JSON.stringify(payload),
    });
    // Polled with evaluate, which awaits the page's promise (waitForFunction would take the promise itself as truthy).
    const started = Date.now();
    for (;;) {
      const shown = await page.evaluate(async (wanted) => {
        const registration = await navigator.serviceWorker.ready;
        const [n] = await registration.getNotifications({ tag: wanted });
        return n ? { title: n.title, body: n.body, tag: n.tag, url: (n.data as { url?: string } | null)?.url } : null;
      }, tag);
      if (shown) return shown;
      if (Date.now() - started > 15_000) throw new Error(`no notification tagged ${tag}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('a published alert arrives as a notification that opens the map over it', async () => {
    const admin = await login(product.url, 'admin');
    const published = await admin('/api/v1/alerts', sampleAlert({ title: 'Cảnh báo lũ trên sông Mã' }));
    expect(published.status).toBe(201);
    const { rows } = await test.pool.query<{
      id: string;
      title: string;
      title_en: string | null;
      body: string;
    }>('SELECT id::text, title, title_en, body FROM alerts WHERE id = $1', [published.body.id]);
    const shown = await pushAndRead(alertPushPayload(rows[0]), `alert-${rows[0].id}`);
    expect(shown).toEqual({
      title: 'Cảnh báo lũ trên sông Mã',
      body: rows[0].body,
      tag: `alert-${rows[0].id}`,
      url: `/map?alert=${rows[0].id}`,
    });
  }, 60_000);

  it("a followed report's new status arrives as a notification that opens its tracking page", async () => {
    const payload = reportPushPayload({ code: 'TH-2026-000123', status: 'resolved', public_reply: 'Đã dọn xong.' });
    const shown = await pushAndRead(payload, 'report-TH-2026-000123');
    expect(shown).toEqual({
      title: 'Phản ánh TH-2026-000123 đã được xử lý',
      body: 'Đã dọn xong.',
      tag: 'report-TH-2026-000123',
      url: '/track/TH-2026-000123',
    });
  }, 60_000);

  it('a push that is not a notification payload shows nothing', async () => {
    const before = await page.evaluate(
      async () => (await (await navigator.serviceWorker.ready).getNotifications()).length,
    );
    await cdp.send('ServiceWorker.deliverPushMessage', { origin: product.url, registrationId, data: 'not json' });
    await new Promise((r) => setTimeout(r, 1000));
    const after = await page.evaluate(
      async () => (await (await navigator.serviceWorker.ready).getNotifications()).length,
    );
    expect(after).toBe(before);
  }, 30_000);
});
