// Browser: a report posted through the API reaches the operator map live (list row + deck.gl picking at its
// projected point), then the public map shows it with no reporter detail anywhere. Screenshots in e2e/artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { cellToParent, latLngToCell } from 'h3-js';
import type { RunningProduct } from '../main.ts';
import type { TestDatabase } from '../sql/test-support/db.ts';
import type { CategoryDTO, CreatedReportDTO } from '../ingest/presenters/dto.ts';
import { postReport } from './support/api.ts';
import { ARTIFACTS, launchChromium } from './support/chromium.ts';
import { startBrowserProduct } from './support/product.ts';

/** "Within a couple of seconds" on a fast machine; software WebGL on a loaded CI box gets slack. */
const LIVE_MS = 5_000;
const REPORTER = { name: 'Lê Thị Bảo Mật', phone: '0912345678' };

describe('operator and public maps in the browser', () => {
  let test: TestDatabase;
  let product: RunningProduct;
  let browser: Browser;
  let ops: Page;
  let report: CreatedReportDTO;
  let categoryCode: string;

  /** deck.gl picking at the report's projected point, retried while the overlay redraws. */
  async function pickedAtReport(page: Page, code: string): Promise<string | null> {
    await page.evaluate(() => window.__hientruong!.idle());
    return page.evaluate((c) => {
      const pos = window.__hientruong!.viewportPositionOf(c);
      return pos ? window.__hientruong!.pickAt(pos[0], pos[1]) : null;
    }, code);
  }

  beforeAll(async () => {
    ({ test, product } = await startBrowserProduct());
    browser = await launchChromium();
    ops = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    if (process.env.E2E_DEBUG) ops.on('console', (m) => console.log('[ops]', m.type(), m.text()));
    if (process.env.E2E_DEBUG)
      ops.on('response', (r) => {
        if (r.url().includes('/cells')) void r.text().then((t) => console.log('[ops cells]', r.url(), t.slice(0, 300)));
      });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    await test?.pool.end();
  });

  it('keeps the operator token for the tab only and takes it out of the address bar', async () => {
    await ops.goto(`${product.url}/ops?token=${encodeURIComponent(product.operatorToken)}`);
    await ops.waitForSelector('[data-testid="connection"][data-state="live"]', { timeout: 20_000 });
    expect(new URL(ops.url()).searchParams.get('token')).toBeNull();
    expect(await ops.evaluate(() => sessionStorage.getItem('hientruong.token'))).toBe(product.operatorToken);
    await ops.evaluate(() => window.__hientruong!.idle());
  });

  it('shows a report posted through the API in the live list and under its point on the map', async () => {
    const { categories } = (await (await fetch(`${product.url}/api/v1/categories`)).json()) as {
      categories: CategoryDTO[];
    };
    const category = categories.find((c) => !c.sensitive)!;
    categoryCode = category.code;
    // Phường Hạc Thành, the provincial capital.
    report = await postReport(product.url, {
      category: category.code,
      description: 'Rác thải đổ trộm ven đường (e2e)',
      lat: 19.807,
      lng: 105.776,
      reporter: REPORTER,
    });

    const row = ops.locator(`[data-testid="report-row-${report.code}"]`);
    await row.waitFor({ timeout: LIVE_MS });
    expect(await ops.evaluate(() => window.__hientruong!.reportsShown())).toContain(report.code);
    await expect
      .poll(async () => Number(await ops.textContent('[data-testid="counter-total-value"]')), { timeout: LIVE_MS })
      .toBeGreaterThanOrEqual(1);

    await row.click(); // flies to the report
    await expect.poll(() => pickedAtReport(ops, report.code), { timeout: 10_000 }).toBe(report.code);
    const pos = (await ops.evaluate((c) => window.__hientruong!.viewportPositionOf(c), report.code))!;
    await ops.mouse.move(pos[0], pos[1]);
    await expect
      .poll(() => ops.textContent('[data-testid="map-tooltip"]').catch(() => null), { timeout: 5_000 })
      .toContain(report.code);
    await ops.screenshot({ path: `${ARTIFACTS}/dashboard-ops.png` });
  });

  it('counts the report in the density hexagons, from the server, and updates them live', async () => {
    const hexCountOver = (cell: string) =>
      ops.evaluate((c) => {
        const shown = window.__hientruong!.hexagons();
        const hit = shown.find((h) => h.hex === c);
        return hit ? hit.count : shown.length ? 0 : -1;
      }, cell);
    // The map is zoomed to the report (res 9 at street level, asked for the viewport only).
    const res9 = cellToParent(report.cell, 9);
    await expect.poll(() => hexCountOver(res9), { timeout: LIVE_MS }).toBeGreaterThanOrEqual(1);
    // A report a few hundred metres away lights its own cell within the refresh interval.
    const [lat, lng] = [19.8105, 105.7785];
    // Parent of the stored res-12 cell, as the server counts (not always the res-9 cell holding the point).
    const nextCell = cellToParent(latLngToCell(lat, lng, 12), 9);
    expect(nextCell).not.toBe(res9);
    expect(await hexCountOver(nextCell)).toBe(0);
    await postReport(product.url, { category: categoryCode, description: 'Thêm một phản ánh gần đó (e2e)', lat, lng });
    await expect.poll(() => hexCountOver(nextCell), { timeout: LIVE_MS + 2_000 }).toBe(1);
    // Another window is another server query: the last 24 hours hold both reports too.
    await ops.selectOption('[data-testid="cell-window"]', '24h');
    await expect.poll(() => hexCountOver(nextCell), { timeout: LIVE_MS }).toBe(1);
    await ops.selectOption('[data-testid="cell-window"]', '7d');
  });

  it('shows the same report on the public map with no reporter detail anywhere', async () => {
    const pub = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    const bodies: string[] = [];
    pub.on('response', (r) => {
      if (r.url().includes('/api/'))
        r.text().then(
          (t) => bodies.push(t),
          () => {},
        );
    });
    // Three security reports in one place: the public sees only their coarse k-anonymous cell, never a point.
    const sensitive: CreatedReportDTO[] = [];
    for (let i = 0; i < 3; i++)
      sensitive.push(
        await postReport(product.url, {
          category: 'security',
          description: 'Tụ tập gây rối (e2e)',
          lat: 19.8,
          lng: 105.79,
        }),
      );
    // Sensitive counts are published in daily batches, never live (geo/privacy.ts): date these three days back.
    await test.pool.query('SELECT apply_report_rollups()');
    await test.pool.query("UPDATE reports SET created_at = created_at - interval '3 days' WHERE id = ANY($1)", [
      sensitive.map((r) => r.id),
    ]);
    await pub.goto(`${product.url}/map`);
    const coarse = cellToParent(sensitive[0].cell, 7);
    await expect
      .poll(() => pub.evaluate(() => window.__hientruong?.sensitiveCells() ?? []), { timeout: 20_000 })
      .toContainEqual({ hex: coarse, count: 3 });
    const row = pub.locator(`[data-testid="report-row-${report.code}"]`);
    await row.waitFor({ timeout: 20_000 });
    await row.click();
    await expect.poll(() => pickedAtReport(pub, report.code), { timeout: 10_000 }).toBe(report.code);

    const drawn = await pub.evaluate(() => window.__hientruong!.reportsShown());
    for (const r of sensitive) expect(drawn).not.toContain(r.code);
    const dom = await pub.evaluate(() => document.documentElement.outerHTML + document.body.innerText);
    for (const secret of [REPORTER.name, REPORTER.phone, 'e2e)']) {
      expect(dom).not.toContain(secret);
      for (const body of bodies) expect(body).not.toContain(secret);
    }
    expect(bodies.length).toBeGreaterThan(0);
    await pub.screenshot({ path: `${ARTIFACTS}/dashboard-public.png` });
    await pub.context().close();
  }, 90_000); // three pages with software WebGL on a shared 2-core host took 30-40 s

  it('switches to English and remembers it', async () => {
    await ops.click('[data-testid="lang-en"]');
    await ops.reload();
    await ops.waitForSelector('[data-testid="connection"][data-state="live"]');
    expect(await ops.textContent('h1')).toBe('Operations center');
    expect(await ops.textContent('[data-testid="lang-en"]')).toBe('EN');
    await ops.click('[data-testid="lang-vi"]');
    expect(await ops.textContent('h1')).toBe('Trung tâm điều hành');
  });
});
