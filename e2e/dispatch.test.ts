// Browser: a dispatcher signs in, triages a new report, assigns the nearest unit; the unit resolves it through
// the API; a second dispatcher's console and the public map show every step live. Screenshots in e2e/artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningProduct } from '../main.ts';
import type { TestDatabase } from '../sql/test-support/db.ts';
import { postJson, postReport } from './support/api.ts';
import { ARTIFACTS, launchChromium } from './support/chromium.ts';
import { startBrowserProduct } from './support/product.ts';
import { signInPage } from './support/sign-in.ts';

/**
 * The goal is under a second (the delays are printed); three software-WebGL pages share two cores here, so the
 * wait allows slack: on a Zen 5 CI host the printed delays reached 6 s and one wait ran out at 10 s although
 * the status had arrived (the failure screenshot showed it).
 */
const LIVE_MS = 30_000;

describe('dispatch console in the browser', () => {
  let test: TestDatabase;
  let product: RunningProduct;
  let browser: Browser;
  let a: Page;
  let b: Page;
  let pub: Page;

  async function signIn(page: Page, username: string) {
    await signInPage(page, product.url, '/dispatch', username);
    await page.waitForSelector('[data-testid="dispatch-console"]');
    await page.waitForSelector('[data-testid="connection"][data-state="live"]');
  }

  const unit = (path: string, body: unknown) => postJson(product.url, path, body, 'unit_demo_xd-01');

  /** Waits for the report's status on a console (queue row) and on the public map's list; returns how long it took. */
  async function seenEverywhere(code: string, status: string): Promise<number> {
    const started = Date.now();
    await Promise.all([
      b.waitForSelector(`[data-code="${code}"][data-status="${status}"]`, { timeout: LIVE_MS }),
      pub.waitForSelector(`[data-testid="report-row-${code}"] [data-status="${status}"]`, { timeout: LIVE_MS }),
    ]);
    return Date.now() - started;
  }

  const step = (what: string) => {
    if (process.env.E2E_DEBUG) console.log(new Date().toISOString(), what);
  };
  const shot = (page: Page, name: string) => page.screenshot({ path: `${ARTIFACTS}/dispatch-${name}.png` });

  beforeAll(async () => {
    ({ test, product } = await startBrowserProduct());
    browser = await launchChromium();
    const viewport = { width: 1920, height: 1080 };
    a = await (await browser.newContext({ viewport, locale: 'vi-VN' })).newPage();
    b = await (await browser.newContext({ viewport, locale: 'vi-VN' })).newPage();
    pub = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    if (process.env.E2E_DEBUG)
      for (const p of [a, b, pub]) p.on('console', (m) => console.log('[browser]', m.type(), m.text()));
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    await test?.pool.end();
  });

  it('a wrong password is refused on the sign-in screen', async () => {
    await a.goto(`${product.url}/dispatch`);
    await a.fill('input[name="username"]', 'dispatcher');
    await a.fill('input[name="password"]', 'wrong');
    await a.click('button[type="submit"]');
    await a.waitForSelector('.dx-error');
    await shot(a, '0-login-refused');
  });

  it('sign in, triage, assign the nearest unit, the unit resolves: every screen follows live', async () => {
    try {
      await flow();
    } catch (e) {
      await Promise.all([shot(a, 'failed-a'), shot(b, 'failed-b'), shot(pub, 'failed-public')]).catch(() => {});
      throw e;
    }
  }, 240_000);

  async function flow() {
    await signIn(a, 'dispatcher');
    await signIn(b, 'dispatcher2');
    await pub.goto(`${product.url}/map`);
    await pub.waitForSelector('[data-testid="connection"][data-state="live"]');

    const created = await postReport(product.url, {
      category: 'road',
      description: 'Sụt lún mặt đường trước số 12 Lê Lợi',
      lat: 19.81,
      lng: 105.7712,
    });
    const code = created.code;
    step('created');
    await a.waitForSelector(`[data-code="${code}"]`, { timeout: LIVE_MS });
    const arrival = await seenEverywhere(code, 'received');
    await shot(a, '1-new-report');

    await a.click(`[data-code="${code}"]`);
    await a.waitForSelector(`[data-testid="detail"][data-report-id="${created.id}"]`);
    step('selected');
    await a.keyboard.press('t');
    await a.waitForSelector(`[data-testid="detail"][data-status="triaged"]`);
    const triage = await seenEverywhere(code, 'triaged');
    await shot(a, '2-triaged');

    await a.waitForSelector('[data-testid="nearest-units"] li[data-unit-id="xd-01"]:first-child');
    step('nearest shown');
    await a.keyboard.press('a');
    await a.waitForSelector(`[data-testid="detail"][data-status="assigned"]`);
    expect(await a.textContent('[data-testid="detail-unit"]')).toContain('Đội sửa chữa đường bộ 01');
    const assign = await seenEverywhere(code, 'assigned');
    await shot(a, '3-assigned');
    await shot(b, '3-assigned-second-operator');

    await unit('/api/v1/units/xd-01/position', { lat: 19.8101, lng: 105.7713, status: 'on_scene' });
    await unit(`/api/v1/reports/${created.id}/transitions`, { to: 'in_progress' });
    await seenEverywhere(code, 'in_progress');
    await unit(`/api/v1/reports/${created.id}/transitions`, { to: 'resolved', publicReply: 'Đã gia cố mặt đường' });
    const resolve = await seenEverywhere(code, 'resolved');
    await a.waitForSelector(`[data-testid="detail"][data-status="resolved"]`);
    expect(await a.textContent('[data-testid="timeline"]')).toContain('Đã gia cố mặt đường');
    await shot(a, '4-resolved');
    await shot(b, '4-resolved-second-operator');
    await shot(pub, '4-resolved-public');
    console.log(`live delays (ms): arrival ${arrival}, triage ${triage}, assign ${assign}, resolve ${resolve}`);

    // The public never sees staff-only details.
    const publicText = await pub.textContent('body');
    expect(publicText).not.toContain('Sụt lún mặt đường');
  }

  it('English switch', async () => {
    await a.click('.seg button:has-text("EN")');
    await a.waitForSelector('h1:has-text("Dispatch desk")');
    await shot(a, '5-english');
  });
});
