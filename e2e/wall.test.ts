// Browser: /wall at 3840×2160 with the demo wall token — KPI values at least 48 px tall, no label overlapping
// another (read from the DOM), a hot spot listed by its commune; an unknown token gets only "not authorised".
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProduct, type RunningProduct } from '../main.ts';
import { freshTestDatabase, type TestDatabase } from '../sql/test-support/db.ts';
import { ROOT, ARTIFACTS, launchChromium } from './support/chromium.ts';

describe('/wall on a 4K screen', () => {
  let dist: string;
  let test: TestDatabase;
  let product: RunningProduct;
  let browser: Browser;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'ht-dist-'));
    await build({ configFile: `${ROOT}vite.config.ts`, logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
    mkdirSync(ARTIFACTS, { recursive: true });
    test = await freshTestDatabase();
    product = await startProduct({ databaseUrl: test.url, port: 0, host: '127.0.0.1', demo: false, distDir: dist });
    for (let i = 0; i < 6; i++)
      await fetch(`${product.url}/api/v1/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ category: 'flooding', description: `Ngập ${i}`, lat: 19.8075, lng: 105.7766 }),
      });
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    await test?.pool.end();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  it('KPI values are at least 48 px tall, labels do not overlap, the hot spot is named by its commune', async () => {
    const page = await (await browser.newContext({ viewport: { width: 3840, height: 2160 } })).newPage();
    await page.goto(`${product.url}/wall?token=${product.operatorToken}`);
    await page.waitForFunction(
      () => [...document.querySelectorAll('.wall-kpi-value')].every((e) => e.textContent !== '…'),
      undefined,
      { timeout: 60_000 },
    );
    await page.waitForSelector('[data-testid=wall-hotspot]', { timeout: 60_000 });
    const kpis = await page.$$eval('.wall-kpi-value', (els) =>
      els.map((e) => ({
        text: e.textContent,
        height: e.getBoundingClientRect().height,
        font: parseFloat(getComputedStyle(e).fontSize),
      })),
    );
    expect(kpis).toHaveLength(4);
    for (const k of kpis) {
      expect(k.font).toBeGreaterThanOrEqual(48);
      expect(k.height).toBeGreaterThanOrEqual(48);
    }
    const boxes = await page.$$eval(
      '.wall-kpi-label, .wall-kpi-value, .wall-hs-name, .wall-head h1, .wall-scene, .wall-conn',
      (els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect();
          return { text: e.textContent, x: r.x, y: r.y, w: r.width, h: r.height };
        }),
    );
    const overlaps = boxes.flatMap((a, i) =>
      boxes
        .slice(i + 1)
        .filter((b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h)
        .map((b) => `${a.text} / ${b.text}`),
    );
    expect(overlaps).toEqual([]);
    expect(await page.textContent('.wall-hotspots')).toContain('Hạc Thành');
    expect(await page.isVisible('.wall [data-testid=map-legend]')).toBe(true); // every layer's legend on the wall
    expect(await page.textContent('[data-testid=wall-scene]')).toMatch(/Toàn tỉnh|Điểm nóng/); // scenes from the wall's configuration
    await page.screenshot({ path: `${ARTIFACTS}/wall-3840.png` });
  }, 180_000);

  it('an unknown wall token shows only "not authorised", no figures', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await page.goto(`${product.url}/wall?token=wall_revokedorneverissuedxxxxxxxxxxxxxx`);
    await page.waitForSelector('[data-testid=not-authorised]', { timeout: 60_000 });
    expect(await page.$$('.wall-kpi')).toHaveLength(0);
    expect(await page.textContent('[data-testid=not-authorised]')).toContain('KHÔNG ĐƯỢC PHÉP');
  }, 90_000);

  it('recovers after the server is cut and restarted: a large stale banner, then live staff data again', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await page.goto(`${product.url}/wall?token=${product.operatorToken}`);
    const total = () => page.$$eval('.wall-kpi-value', (els) => Number((els[3]?.textContent ?? '').replace(/\D/g, '')));
    await page.waitForFunction(
      () => document.querySelector('.wall-conn')?.getAttribute('data-state') === 'live',
      undefined,
      {
        timeout: 60_000,
      },
    );
    await page.waitForFunction(() => /\d/.test(document.querySelectorAll('.wall-kpi-value')[3]?.textContent ?? ''));
    const before = await total();
    const port = Number(new URL(product.url).port);
    await product.stop();
    await page.waitForSelector('[data-testid=wall-stale]', { timeout: 40_000 });
    product = await startProduct({ databaseUrl: test.url, port, host: '127.0.0.1', demo: false, distDir: dist });
    await page.waitForFunction(
      () => document.querySelector('.wall-conn')?.getAttribute('data-state') === 'live',
      undefined,
      {
        timeout: 60_000,
      },
    );
    await fetch(`${product.url}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        category: 'road',
        description: 'Ổ gà sau khi máy chủ khởi động lại',
        lat: 19.8,
        lng: 105.77,
      }),
    });
    await page.waitForFunction(
      (n) => Number((document.querySelectorAll('.wall-kpi-value')[3]?.textContent ?? '').replace(/\D/g, '')) > n,
      before,
      {
        timeout: 60_000,
      },
    );
    expect(await page.$('[data-testid=wall-stale]')).toBeNull();
    expect(await page.$('[data-testid=not-authorised]')).toBeNull();
  }, 240_000);
});
