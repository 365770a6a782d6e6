// Browser, phone-sized (390x844, touch): the public map fits; a citizen files a report with a photo and a
// category question in at most 3 screens, reads the code, follows it on /track while staff triage and
// resolve it, then rates and reopens it and the report is back in the queue; a report written offline is
// sent once when the network returns. axe-core on every citizen screen. Screenshots in e2e/artifacts/.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RunningProduct } from '../main.ts';
import type { TestDatabase } from '../sql/test-support/db.ts';
import { fillAnonymousReport, phonePhoto } from './citizen-support.ts';
import { ARTIFACTS, axeProblems, launchChromium } from './support/chromium.ts';
import { startBrowserProduct } from './support/product.ts';
import { signIn } from './support/sign-in.ts';

const LIVE_MS = 30_000;
/** A loaded CI host runs software WebGL for the map: each step gets room beyond Vitest's default 30 s. */
const TEST_MS = 90_000;
const HAC_THANH = { latitude: 19.8075, longitude: 105.7766 };

describe('a citizen on a phone', () => {
  let media: string;
  let test: TestDatabase;
  let product: RunningProduct;
  let browser: Browser;
  let phone: BrowserContext;
  let page: Page;
  let trackUrl: string;
  let code: string;
  const shot = (name: string, fullPage = false) =>
    page.screenshot({ path: `${ARTIFACTS}/citizen-${name}.png`, fullPage });

  beforeAll(async () => {
    // A photo folder of its own, removed afterwards.
    media = mkdtempSync(join(tmpdir(), 'ht-media-'));
    ({ test, product } = await startBrowserProduct({ mediaDir: media }));
    browser = await launchChromium();
    phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      geolocation: { ...HAC_THANH, accuracy: 12 },
      permissions: ['geolocation'],
    });
    page = await phone.newPage();
    if (process.env.E2E_DEBUG) page.on('console', (m) => console.log('[phone]', m.type(), m.text()));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    await test?.pool.end();
    if (media) rmSync(media, { recursive: true, force: true });
  });

  it(
    '/map fits the phone, passes axe, and has the report button',
    async () => {
      await page.goto(`${product.url}/map`);
      await page.waitForSelector('[data-testid="connection"][data-state="live"]', { timeout: 30_000 });
      const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      expect(await fits()).toBe(true);
      // The narrowest and widest common phones too; the layout settles on the next frame.
      for (const width of [360, 414, 390]) {
        await page.setViewportSize({ width, height: 844 });
        await page.evaluate(() => new Promise(requestAnimationFrame));
        expect(await fits(), `at ${width} px`).toBe(true);
      }
      await page.tap('[data-testid="map-controls-toggle"]');
      await page.waitForSelector('[data-testid="map-legend"]');
      expect(await axeProblems(page)).toEqual([]);
      await shot('map');
    },
    TEST_MS,
  );

  it(
    'files a report with a photo and a question answer in at most 3 screens',
    async () => {
      await page.tap('[data-testid="report-cta"]');
      await page.waitForURL('**/report');
      const screens = new Set<string>();
      const seen = async () => screens.add((await page.getAttribute('[data-testid="report-form"]', 'data-step'))!);

      await seen();
      await page.tap('[data-testid="use-location"]');
      await expect
        .poll(() => page.textContent('[data-testid="place-commune"]'), { timeout: 10_000 })
        .toMatch(/Hạc Thành/);
      expect(await page.textContent('[data-testid="place-summary"]')).toContain('±12 m');
      expect(await axeProblems(page)).toEqual([]);
      await shot('report-1-where');
      await page.tap('[data-testid="next"]');

      await seen();
      await page.tap('[data-testid="category-flooding"]');
      await page.fill('[data-question="water_depth"]', '40');
      await page.fill('[data-testid="description"]', 'Ngập sâu trước cổng trường (e2e)');
      await page.setInputFiles('[data-testid="photo-input"]', {
        name: 'IMG_0001.jpg',
        mimeType: 'image/jpeg',
        buffer: await phonePhoto(),
      });
      await page.waitForSelector('[data-testid="photo-thumb"]');
      expect(await axeProblems(page)).toEqual([]);
      await shot('report-2-what', true);
      await page.tap('[data-testid="next"]');

      await seen();
      await page.check('[data-testid="anonymous"]');
      expect(await axeProblems(page)).toEqual([]);
      await page.tap('[data-testid="next"]');

      code = (await page.locator('[data-testid="tracking-code"]').textContent({ timeout: 20_000 }))!.trim();
      expect(code).toMatch(/^TH-/);
      expect(screens.size).toBeLessThanOrEqual(3);
      await page.waitForSelector('[data-testid="tracking-qr"]');
      expect(await axeProblems(page)).toEqual([]);
      await shot('report-3-answer', true);
      trackUrl = (await page.getAttribute('[data-testid="track-link"]', 'href'))!;
      expect(trackUrl).toContain(`/track/${code}?k=`);
    },
    TEST_MS,
  );

  it(
    'follows the report on /track live while staff triage and resolve it',
    async () => {
      await page.goto(trackUrl);
      await page.waitForSelector('[data-testid="track-status"][data-status="received"]');
      const reportId = await page.evaluate(async (c) => {
        const r = await fetch(`/api/v1/track/${c}`);
        return ((await r.json()) as { reportId: string }).reportId;
      }, code);
      expect(await axeProblems(page)).toEqual([]);
      await shot('track-received');

      const staff = await signIn(product.url, 'supervisor');
      // The photo stays private until a moderator approves it; then the tracking page shows it.
      expect(await page.locator('[data-testid="track-photo"]').count()).toBe(0);
      const { rows: photos } = await test.pool.query<{ id: string }>(
        'SELECT id FROM report_photos WHERE report_id = $1',
        [reportId],
      );
      expect(photos).toHaveLength(1);
      await staff.post(`/api/v1/photos/${photos[0].id}/moderation`, { decision: 'approve' });
      // The approval alone is news: the open page shows the photo without reload, before any status change and
      // sooner than its 20 s fallback poll could.
      await page.waitForSelector('[data-testid="track-photo"]', { timeout: 12_000 });
      expect(await page.getAttribute('[data-testid="track-status"]', 'data-status')).toBe('received');
      await staff.transition(reportId, { to: 'triaged' });
      await page.waitForSelector('[data-testid="track-status"][data-status="triaged"]', { timeout: LIVE_MS });
      await staff.transition(reportId, { to: 'assigned' });
      await staff.transition(reportId, { to: 'resolved', publicReply: 'Đã bơm thoát nước, đường đã thông' });
      // No reload: the page hears the public notice for its report and fetches the new story.
      await page.waitForSelector('[data-testid="track-status"][data-status="resolved"]', { timeout: LIVE_MS });
      expect(await page.textContent('[data-testid="public-reply"]')).toContain('Đã bơm thoát nước');
      expect(await axeProblems(page)).toEqual([]);
      await shot('track-resolved', true);

      await page.tap('[data-testid="star-4"]');
      await page.fill('#rate-comment', 'Xử lý nhanh');
      await page.tap('[data-testid="submit-rating"]');
      await expect.poll(() => page.textContent('[data-testid="my-rating"]').catch(() => '')).toMatch(/4/);

      await page.fill('[data-testid="reopen-reason"]', 'Trời mưa lại ngập như cũ');
      await page.tap('[data-testid="reopen"]');
      await page.waitForSelector('[data-testid="track-status"][data-status="reopened"]', { timeout: LIVE_MS });
      expect(await staff.queueCodes()).toContain(code);
    },
    TEST_MS,
  );

  it(
    'a report written offline is queued on the phone and sent exactly once when the network returns',
    async () => {
      const description = `Đèn đường hỏng, gửi khi mất mạng (e2e ${Date.now()})`;
      await page.goto(`${product.url}/report`);
      await fillAnonymousReport(page, 'lighting', description);
      await phone.setOffline(true);
      await page.tap('[data-testid="next"]');
      await page.waitForSelector('[data-testid="queued"]');
      await page.waitForSelector('[data-testid="offline-banner"]');
      await shot('report-offline-queued');
      await phone.setOffline(false);
      await page.locator('[data-testid="tracking-code"]').waitFor({ timeout: LIVE_MS });
      // A second "online" (a flaky network) must not send it again.
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      await page.waitForTimeout(1500);
      const { rows } = await test.pool.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM reports WHERE description = $1',
        [description],
      );
      expect(rows[0].n).toBe(1);
    },
    TEST_MS,
  );

  it(
    'installs as a PWA, switches to English, renders diacritics in the bundled font, works by keyboard',
    async () => {
      await page.goto(`${product.url}/report`);
      const manifest = await page.evaluate(async () => {
        const href = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!.href;
        return (await (await fetch(href)).json()) as { start_url: string; icons: { sizes: string }[] };
      });
      expect(manifest.start_url).toBe('/report');
      expect(manifest.icons.map((i) => i.sizes)).toContain('512x512');
      // The tab's icon: linked by the page, and /favicon.ico for whatever asks without reading the page.
      expect(await page.getAttribute('link[rel="icon"]', 'href')).toBe('/icons/icon.svg');
      const favicon = await page.evaluate(async () => {
        const res = await fetch('/favicon.ico');
        return { status: res.status, type: res.headers.get('content-type') };
      });
      expect(favicon).toEqual({ status: 200, type: 'image/png' });
      expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL)).toMatch(
        /\/sw\.js$/,
      );

      await page.waitForSelector('[data-testid="use-location"]');
      expect(await page.evaluate(() => document.fonts.check('17px "Be Vietnam Pro"', 'Gửi phản ánh ệ ữ ộ'))).toBe(true);
      await page.evaluate(() => document.fonts.ready);
      const usedFont = await page.evaluate(
        () => getComputedStyle(document.querySelector('.citizen-title')!).fontFamily,
      );
      expect(usedFont).toContain('Be Vietnam Pro');

      // Keyboard only: Tab reaches "use my location" and the continue button, Enter presses them.
      let reached = false;
      for (let i = 0; i < 12 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'use-location');
      }
      expect(reached).toBe(true);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.textContent('[data-testid="place-commune"]')).toMatch(/Hạc Thành/);

      await page.setViewportSize({ width: 360, height: 740 });
      await page.tap('[data-testid="lang-en"]');
      await page.waitForSelector('h1:has-text("Report a problem")');
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect(await page.textContent('[data-testid="use-location"]')).toBe('Use my location');
      expect(await axeProblems(page)).toEqual([]);
      await page.tap('[data-testid="lang-vi"]');
      await page.setViewportSize({ width: 390, height: 844 });

      // The code box on /map opens the tracking page.
      await page.goto(`${product.url}/map`);
      await page.tap('[data-testid="sheet-handle"]');
      await page.fill('[data-testid="code-input"]', code.toLowerCase());
      await page.tap('[data-testid="code-go"]');
      await page.waitForSelector('[data-testid="track-status"]');
      expect(new URL(page.url()).pathname).toBe(`/track/${code}`);
    },
    TEST_MS,
  );
});
