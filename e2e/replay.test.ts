// Browser: replay on /ops and /wall, and the /ops map's legends and commune names. Scrubbed to a moment, the
// counters (total, last 24 h, by status) and the points on the map equal what GET /api/v1/stats answered at that
// moment, and the wall's KPI tiles what GET /api/v1/wall/stats answered then, although reports were made and moved
// after it; live notices during replay do not change the replayed view; leaving returns to live.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WallStatsDTO } from '../ingest/presenters/dto.ts';
import type { RunningProduct } from '../main.ts';
import { DEMO_PASSWORD } from '../sql/seed/dispatch-data.ts';
import type { TestDatabase } from '../sql/test-support/db.ts';
import { ARTIFACTS, launchChromium } from './support/chromium.ts';
import { startBrowserProduct } from './support/product.ts';

interface Stats {
  total: number;
  last24h: number;
  byStatus: Record<string, number>;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sets the replay slider as a person dragging it would, and waits until the screens show that moment. */
async function scrubTo(page: Page, t: number): Promise<number> {
  const at = await page.evaluate((ms) => {
    const input = document.querySelector<HTMLInputElement>('[data-testid=replay-range]')!;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, String(ms));
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return Number(input.value);
  }, t);
  await page.waitForFunction(
    (ms) => document.querySelector('[data-testid=replay-time]')?.getAttribute('data-at') === String(ms),
    at,
  );
  return at;
}

/** The wall's KPI tiles: label key -> the value shown (null: none defined). */
const tiles = (page: Page) =>
  page.$$eval('[data-testid=wall-kpi]', (els) =>
    Object.fromEntries(
      els.map((e) => [
        e.getAttribute('data-kpi'),
        e.getAttribute('data-value') ? Number(e.getAttribute('data-value')) : null,
      ]),
    ),
  );
const counter = (page: Page, id: string) =>
  page.$eval(`[data-testid=counter-${id}-value]`, (e) => Number((e.textContent ?? '').replace(/\D/g, '')));
const byStatus = (page: Page) =>
  page.$$eval('[data-testid^=counter-status-]', (els) =>
    Object.fromEntries(
      els.map((e) => [e.getAttribute('data-testid')!.slice(15), Number(e.getAttribute('data-value'))]),
    ),
  );

describe('replay', () => {
  let test: TestDatabase;
  let product: RunningProduct;
  let browser: Browser;
  let staff: { cookie: string; csrf: string };
  const ids: string[] = [];

  const post = async () => {
    const res = await fetch(`${product.url}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ category: 'flooding', description: 'Ngập sâu', lat: 19.8075, lng: 105.7766 }),
    });
    ids.push(((await res.json()) as { id: string }).id);
  };
  const move = async (id: string, to: string, extra: Record<string, string> = {}) => {
    const res = await fetch(`${product.url}/api/v1/reports/${id}/transitions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: staff.cookie, 'x-csrf-token': staff.csrf },
      body: JSON.stringify({ to, ...extra }),
    });
    expect(res.status).toBe(200);
  };
  const stats = async () => (await (await fetch(`${product.url}/api/v1/stats`)).json()) as Stats;
  const wallStats = async () =>
    (await (
      await fetch(`${product.url}/api/v1/wall/stats`, { headers: { authorization: `Bearer ${product.operatorToken}` } })
    ).json()) as WallStatsDTO;

  beforeAll(async () => {
    ({ test, product } = await startBrowserProduct());
    const login = await fetch(`${product.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'dispatcher', password: DEMO_PASSWORD }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    staff = { cookie, csrf: ((await login.json()) as { csrfToken: string }).csrfToken };
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    await test?.pool.end();
  });

  it('/ops: scrubbed to a moment, counters and points equal the API then; live keeps out; leaving is live', async () => {
    for (let i = 0; i < 3; i++) await post();
    await move(ids[0], 'triaged');
    await pause(2500); // past the stats answer's one-second cache
    const mid = Date.now();
    const then = await stats();
    await pause(1500);
    await post();
    await move(ids[1], 'triaged');
    await move(ids[0], 'assigned');
    await pause(1500);
    const end = await stats(); // the period opened below ends after every change so far

    const page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    await page.goto(`${product.url}/ops?token=${product.operatorToken}`);
    await page.waitForSelector('[data-testid=replay-toggle]', { timeout: 60_000 });
    await page.click('[data-testid=replay-toggle]');
    await page.waitForSelector('[data-testid=replay-range]:not([disabled])', { timeout: 60_000 });
    const at = await scrubTo(page, mid);
    expect(Math.abs(at - mid)).toBeLessThan(1000);
    expect(then.total).toBe(3);
    expect(await counter(page, 'total')).toBe(then.total);
    expect(await counter(page, 'last24h')).toBe(then.last24h);
    expect(await byStatus(page)).toEqual(then.byStatus);
    await page.waitForFunction((n) => window.__hientruong?.reportsShown().length === n, then.total);

    // A report made while replaying reaches the live feed, not the replayed moment.
    await post();
    await pause(2500);
    expect(await counter(page, 'total')).toBe(then.total);
    await page.screenshot({ path: `${ARTIFACTS}/replay-ops.png` });

    // The end of the period: everything made before replay opened, as the API said then.
    await scrubTo(page, Number(await page.getAttribute('[data-testid=replay-range]', 'max')));
    expect(await counter(page, 'total')).toBe(end.total);
    expect(await byStatus(page)).toEqual(end.byStatus);

    await page.click('[data-testid=replay-close]');
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid=counter-total-value]')?.textContent?.replace(/\D/g, '') === String(n),
      end.total + 1,
    );
    expect(await page.$('[data-testid=replay-bar]')).toBeNull();
    await page.context().close(); // software WebGL runs in one GPU process: an idle map left open slows the next
  }, 240_000);

  it('/wall: the map and the KPI tiles replay (tiles equal the API then, marked as replay; live again after)', async () => {
    // Figures worth comparing: a report past its response deadline (the change after it carries the deadline), one
    // resolved in time, then changes after the moment that the replayed tiles must not count.
    await post();
    const late = ids[ids.length - 1];
    await test.pool.query(`UPDATE reports SET response_due_at = now() - interval '1 minute' WHERE id = $1`, [late]);
    await move(late, 'triaged');
    await move(ids[0], 'resolved', { publicReply: 'Đã khơi thông cống' });
    await pause(1500);
    const then = await wallStats();
    expect(then.overdue).toBe(1);
    expect(then.resolvedOnTimePct).toBe(100);
    await pause(1500);
    await post();
    await move(ids[2], 'triaged');
    await pause(1500);

    const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await page.goto(`${product.url}/wall?token=${product.operatorToken}`);
    // Until the feed is live the wall's stale banner covers the screen (on a loaded host that can take a while).
    await page.waitForSelector('.wall-conn[data-state=live]', { timeout: 90_000 });
    await page.waitForSelector('[data-testid=replay-toggle]', { timeout: 60_000 });
    await page.click('[data-testid=replay-toggle]');
    await page.waitForSelector('[data-testid=replay-range]:not([disabled])', { timeout: 60_000 });
    const from = Number(await page.getAttribute('[data-testid=replay-range]', 'min'));
    const to = Number(await page.getAttribute('[data-testid=replay-range]', 'max'));
    await scrubTo(page, from);
    await page.waitForFunction(() => window.__hientruong?.reportsShown().length === 0);
    const moment = Date.parse(then.at);
    expect(Math.abs((await scrubTo(page, moment)) - moment)).toBeLessThan(1000);
    expect(await page.getAttribute('[data-testid=wall-kpis]', 'data-mode')).toBe('replay');
    expect(await page.isVisible('[data-testid=wall-kpis-replay]')).toBe(true);
    const triage = then.medianTriageMinutes;
    expect(await tiles(page)).toEqual({
      'wall.kpi.receivedToday': then.receivedToday,
      'wall.kpi.open': then.open,
      'wall.kpi.overdue': then.overdue,
      'wall.kpi.onTime': then.resolvedOnTimePct,
      'wall.kpi.triage': triage === null ? null : triage >= 90 ? Math.round(triage / 6) / 10 : Math.round(triage),
    });
    await scrubTo(page, to);
    const total = (await stats()).total;
    await page.waitForFunction((n) => window.__hientruong?.reportsShown().length === n, total);
    expect(await page.isVisible('.wall [data-testid=replay-bar]')).toBe(true);
    expect(await page.isVisible('.wall [data-testid=legend-hotspots]')).toBe(true);
    await page.click('[data-testid=replay-close]');
    await page.waitForSelector('[data-testid=wall-kpis][data-mode=live]');
    expect(await page.$('[data-testid=wall-kpis-replay]')).toBeNull();
    await page.context().close();
  }, 180_000);

  it('/ops map: a legend for every layer (points, hexagons, hot spots, units); commune names never overlap', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    await page.goto(`${product.url}/ops?token=${product.operatorToken}`);
    await page.waitForSelector('[data-testid=replay-toggle]', { timeout: 60_000 }); // signed in as staff
    await page.screenshot({ path: `${ARTIFACTS}/ops-legend.png` });
    for (const id of ['map-legend', 'legend-hotspots', 'legend-units'])
      await page.waitForSelector(`[data-testid=${id}]`, { state: 'visible', timeout: 60_000 });
    expect(await page.textContent('[data-testid=map-legend]')).toContain('Ngập úng');
    await page.waitForFunction(() => window.__hientruong?.map.loaded());
    // Thanh Hóa city at zoom 10.5: dozens of communes in view, their names would collide without placement.
    await page.evaluate(() => window.__hientruong!.map.jumpTo({ center: [105.78, 19.8], zoom: 10.5 }));
    await page.waitForFunction(() => (window.__hientruong?.labelsShown().length ?? 0) >= 5, undefined, {
      timeout: 30_000,
    });
    const boxes = await page.evaluate(() => window.__hientruong!.labelsShown());
    const overlaps = boxes.flatMap((a, i) =>
      boxes
        .slice(i + 1)
        .filter((b) => a.box.x < b.box.x + b.box.w && b.box.x < a.box.x + a.box.w)
        .filter((b) => a.box.y < b.box.y + b.box.h && b.box.y < a.box.y + a.box.h)
        .map((b) => `${a.text} / ${b.text}`),
    );
    expect(overlaps).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/ops-labels.png` });
    await page.context().close();
  }, 180_000);
});
