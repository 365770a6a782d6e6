// The API's browsable page (/api/v1/docs) on a phone: readable at 390 px and free of serious axe-core violations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { createApp } from '../ingest/app.ts';
import type { IngestDeps } from '../ingest/context.ts';
import { axeProblems } from './support/chromium.ts';
import { freshTestDatabase, type TestDatabase } from '../sql/test-support/db.ts';
import { launchChromium } from './support/chromium.ts';

describe('API docs page', () => {
  let server: Server;
  let browser: Browser;
  let url: string;
  let test: TestDatabase;
  beforeAll(async () => {
    test = await freshTestDatabase();
    const app = createApp({ db: test.pool, areasGeojson: { commune: '{}', province: '{}' } } as unknown as IngestDeps);
    const handle = app.callback();
    server = createServer((req, res) => void handle(req, res));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    if (server) await new Promise<void>((done) => server.close(() => done()));
    await test?.pool.end();
  });

  it('fits a 390 px phone, opens an operation, and passes axe-core', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${url}/api/v1/docs`);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.locator('summary', { hasText: '/api/v1/reports' }).first().click();
    await expect.poll(() => page.locator('details[open] pre').count()).toBeGreaterThan(0);
    expect(await axeProblems(page)).toEqual([]);
    await context.close();
  });
});
