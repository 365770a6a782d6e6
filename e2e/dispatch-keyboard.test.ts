// Browser: a dispatcher works a report by keyboard only, as the hint says (/ search, J select, T triage, A assign
// the matching unit, R reply, Ctrl+Enter resolve, Esc undo); a closed report offers no Assign or Merge;
// reassigning asks for confirmation and a reason. Screenshots in e2e/artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningProduct } from '../main.ts';
import type { TestDatabase } from '../sql/test-support/db.ts';
import { postReport } from './support/api.ts';
import { ARTIFACTS, launchChromium } from './support/chromium.ts';
import { startBrowserProduct } from './support/product.ts';
import { signIn, signInPage } from './support/sign-in.ts';

describe('dispatch console by keyboard, and the actions it must not offer', () => {
  let test: TestDatabase;
  let product: RunningProduct;
  let browser: Browser;
  let page: Page;

  const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}/dispatch-keys-${name}.png` });
  const detailStatus = (status: string) =>
    page.waitForSelector(`[data-testid="detail"][data-status="${status}"]`, { timeout: 20_000 });
  async function search(code: string) {
    await page.keyboard.press('/');
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`[data-testid="queue-count"]:text-is("1")`);
  }

  beforeAll(async () => {
    ({ test, product } = await startBrowserProduct());
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'vi-VN' })).newPage();
    await signInPage(page, product.url, '/dispatch', 'dispatcher');
    await page.waitForSelector('[data-testid="connection"][data-state="live"]');
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    await test?.pool.end();
  });

  it('works a report from search to resolved with the documented keys only', async () => {
    const hint = await page.textContent('.dx-keys');
    for (const key of ['J/K', 'T ', 'A ', 'R ', 'Ctrl+Enter', 'Esc', '/ ']) expect(hint).toContain(key);
    const created = await postReport(product.url, {
      category: 'road',
      description: 'Ổ gà sâu trước cổng chợ',
      lat: 19.81,
      lng: 105.7712,
    });
    await search(created.code);
    await page.keyboard.press('j');
    await page.waitForSelector(`[data-testid="detail"][data-report-id="${created.id}"]`);

    // T waits in the undo window: Esc takes it back, nothing reaches the server.
    // Pressed back to back, so a loaded host cannot let the window run out between them.
    await page.keyboard.press('t');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="flash"]:has-text("Đã hoàn tác")');
    expect(await page.locator('[data-testid="undo-bar"]').count()).toBe(0);
    await page.waitForTimeout(5000);
    expect(await page.getAttribute('[data-testid="detail"]', 'data-status')).toBe('received');

    await page.keyboard.press('t');
    await detailStatus('triaged');
    await page.waitForSelector('[data-testid="nearest-units"] li[data-matches="true"]');
    await page.keyboard.press('a');
    await detailStatus('assigned');
    expect(await page.textContent('[data-testid="detail-unit"]')).toContain('Đội sửa chữa đường bộ 01');

    await page.keyboard.press('r');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('publicReply');
    await page.keyboard.type('Đã vá ổ gà, cảm ơn anh chị');
    await page.keyboard.press('Control+Enter');
    await detailStatus('resolved');
    expect(await page.textContent('[data-testid="timeline"]')).toContain('Đã vá ổ gà');
    // The map explains itself: categories, status rings, unit symbols, and the selected report.
    const legend = await page.textContent('[data-testid="map-legend"]');
    for (const words of ['Lĩnh vực', 'Trạng thái', 'Đội hiện trường', created.code]) expect(legend).toContain(words);
    await shot('1-resolved');
  }, 150_000);

  it('a closed report offers no Assign and no Merge', async () => {
    const created = await postReport(product.url, {
      category: 'road',
      description: 'Nắp cống vỡ',
      lat: 19.809,
      lng: 105.772,
    });
    await test.pool.query("UPDATE reports SET status = 'closed' WHERE id = $1", [created.id]);
    await page.click('[data-action="undo"]').catch(() => {});
    await page.fill('input[name="queue-search"]', created.code);
    await page.selectOption('select[name="filter-status"]', 'closed');
    await page.press('input[name="queue-search"]', 'Enter');
    await page.click(`[data-code="${created.code}"]`);
    await detailStatus('closed');
    await page.waitForSelector('[data-testid="nearest-units"]');
    expect(await page.locator('[data-testid="detail"] [data-action="assign"]').count()).toBe(0);
    expect(await page.locator('[data-testid="detail"] [data-action="merge"]').count()).toBe(0);
    expect(await page.locator('[data-testid="detail"] .dx-buttons button').count()).toBe(0);
    await shot('2-closed');
    await page.selectOption('select[name="filter-status"]', '');
  }, 150_000);

  it('reassigning asks for confirmation and a reason', async () => {
    const created = await postReport(product.url, {
      category: 'road',
      description: 'Sụt lún lề đường',
      lat: 19.772,
      lng: 105.803,
    });
    await test.pool.query("UPDATE units SET status = 'available' WHERE id IN ('xd-01', 'xd-02')");
    // Another dispatcher gave it to unit 02 first.
    const dispatcher2 = await signIn(product.url, 'dispatcher2');
    expect(await dispatcher2.post(`/api/v1/reports/${created.id}/assign`, { unitId: 'xd-02' })).toBe(200);
    await page.fill('input[name="queue-search"]', created.code);
    await page.press('input[name="queue-search"]', 'Enter');
    await page.click(`[data-code="${created.code}"]`);
    await detailStatus('assigned');
    await page.waitForSelector('[data-testid="nearest-units"] li[data-unit-id="xd-01"] [data-action="assign"]');

    // Cancelled: the report stays with its unit.
    page.once('dialog', (d) => void d.dismiss());
    await page.click('[data-testid="nearest-units"] li[data-unit-id="xd-01"] [data-action="assign"]');
    await page.waitForTimeout(1500);
    expect(await page.textContent('[data-testid="detail-unit"]')).toContain('02');

    let asked = '';
    page.once('dialog', (d) => {
      asked = d.message();
      void d.accept('Đội 02 hỏng xe');
    });
    await page.click('[data-testid="nearest-units"] li[data-unit-id="xd-01"] [data-action="assign"]');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="detail-unit"]')?.textContent?.includes('01') ?? false,
      undefined,
      { timeout: 20_000 },
    );
    expect(asked).toContain('Giao lại');
    expect(await page.textContent('[data-testid="timeline"]')).toContain('Đội 02 hỏng xe');
    await shot('3-reassigned');
  }, 150_000);
});
