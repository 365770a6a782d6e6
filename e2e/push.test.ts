// Browser: the PWA's service worker turns Web Push messages into notifications, and a tap on one leads to its page.
// Chromium wakes the real, registered worker with a push through DevTools, carrying the server's own payload for a
// published alert and for a followed report; the notifications are read back from the registration. A tap is a
// `notificationclick` handed to the worker for the notification it showed (support/notifications.ts says why and
// what Chromium then allows): an open map moves to the alert, an open tracking page to the report, a report form
// in progress is never taken over.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import type { RunningProduct } from '../main.ts';
import type { TestDatabase } from '../sql/test-support/db.ts';
import { alertPushPayload, reportPushPayload } from '../ingest/presenters/push-payload.ts';
import { sampleAlert } from '../ingest/test-support/alerts.ts';
import { login } from '../realtime/test-support/staff-login.ts';
import { launchChromium } from './support/chromium.ts';
import { startBrowserProduct } from './support/product.ts';
import { registrationIdOf } from './support/service-worker.ts';
import {
  notificationTagged,
  openWindowAsked,
  pushAndRead,
  recordOpenWindow,
  tapNotification,
} from './support/notifications.ts';

const CODE = 'TH-2026-000123';
const followed = reportPushPayload({ code: CODE, status: 'resolved', public_reply: 'Đã dọn xong.' });

describe('push notifications in the browser', () => {
  let test: TestDatabase;
  let product: RunningProduct;
  let browser: Browser;
  let context: BrowserContext;
  /** A citizen's report form, open throughout: no tap may take it over. */
  let page: Page;
  let cdp: CDPSession;
  let at: { origin: string; registrationId: string };
  let alert: { id: string; title: string; title_en: string | null; body: string; area_bounds: number[] };

  /** A page of the app the service worker controls (only those can be moved by a tap). */
  const openControlled = async (path: string) => {
    const p = await context.newPage();
    await p.goto(product.url + path);
    await p.waitForFunction(() => navigator.serviceWorker.controller !== null);
    return p;
  };

  beforeAll(async () => {
    ({ test, product } = await startBrowserProduct());
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.grantPermissions(['notifications'], { origin: product.url });
    page = await context.newPage();
    await page.goto(`${product.url}/report`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload(); // now under the worker's control, as every later page is
    cdp = await context.newCDPSession(page);
    at = { origin: product.url, registrationId: await registrationIdOf(cdp, product.url) };
    const admin = await login(product.url, 'admin');
    const published = await admin('/api/v1/alerts', sampleAlert({ title: 'Cảnh báo lũ trên sông Mã' }));
    expect(published.status).toBe(201);
    const { rows } = await test.pool.query<typeof alert>(
      'SELECT id::text, title, title_en, body, area_bounds FROM alerts WHERE id = $1',
      [published.body.id],
    );
    alert = rows[0];
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    await test?.pool.end();
  });

  it('a published alert arrives as a notification that links to the map over it', async () => {
    const shown = await pushAndRead(cdp, page, at, alertPushPayload(alert), `alert-${alert.id}`);
    expect(shown).toEqual({
      title: 'Cảnh báo lũ trên sông Mã',
      body: alert.body,
      tag: `alert-${alert.id}`,
      url: `/map?alert=${alert.id}`,
    });
  }, 60_000);

  it('a tap on it moves the open map to the alert and closes the notification; the report form stays', async () => {
    const map = await openControlled('/map');
    await pushAndRead(cdp, page, at, alertPushPayload(alert), `alert-${alert.id}`);
    expect(await tapNotification(context, `alert-${alert.id}`)).toBe(true);
    await map.waitForURL(`${product.url}/map?alert=${alert.id}`, { timeout: 15_000 });
    await expect.poll(() => notificationTagged(page, `alert-${alert.id}`), { timeout: 10_000 }).toBeNull(); // closing is async
    expect(page.url()).toBe(`${product.url}/report`);
    // The map shows the alert: its banner, and the view brought to its area (the province view is centred elsewhere).
    await map.waitForSelector(`[data-testid="alert-banner"] [data-alert-id="${alert.id}"]`, { timeout: 60_000 });
    await map.waitForFunction(
      ([w, s, e, n]) => {
        const c = window.__hientruong?.map.getCenter();
        return !!c && w < c.lng && c.lng < e && s < c.lat && c.lat < n;
      },
      alert.area_bounds,
      { timeout: 60_000, polling: 250 },
    );
    await map.close();
  }, 180_000);

  it("a followed report's new status arrives as a notification that links to its tracking page", async () => {
    const shown = await pushAndRead(cdp, page, at, followed, `report-${CODE}`);
    expect(shown).toEqual({
      title: 'Phản ánh TH-2026-000123 đã được xử lý',
      body: 'Đã dọn xong.',
      tag: `report-${CODE}`,
      url: `/track/${CODE}`,
    });
  }, 60_000);

  it('a tap on it with no tracking page open asks for a new window there, leaving the report form', async () => {
    await recordOpenWindow(context);
    await pushAndRead(cdp, page, at, followed, `report-${CODE}`);
    expect(await tapNotification(context, `report-${CODE}`)).toBe(true);
    await expect.poll(() => openWindowAsked(context), { timeout: 15_000 }).toEqual([`${product.url}/track/${CODE}`]);
    await expect.poll(() => notificationTagged(page, `report-${CODE}`), { timeout: 10_000 }).toBeNull(); // closing is async
    expect(page.url()).toBe(`${product.url}/report`);
  }, 60_000);

  it('a tap on it moves an open tracking page to that report', async () => {
    const track = await openControlled('/track/TH-2026-000999');
    await pushAndRead(cdp, page, at, followed, `report-${CODE}`);
    expect(await tapNotification(context, `report-${CODE}`)).toBe(true);
    await track.waitForURL(`${product.url}/track/${CODE}`, { timeout: 15_000 });
    await expect.poll(() => notificationTagged(page, `report-${CODE}`), { timeout: 10_000 }).toBeNull(); // closing is async
    expect(page.url()).toBe(`${product.url}/report`);
    await track.close();
  }, 60_000);

  it('a push that is not a notification payload shows nothing', async () => {
    const count = () =>
      page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).length);
    const before = await count();
    await cdp.send('ServiceWorker.deliverPushMessage', { ...at, data: 'not json' });
    await new Promise((r) => setTimeout(r, 1000));
    expect(await count()).toBe(before);
  }, 30_000);
});
