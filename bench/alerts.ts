// npm run bench:alerts — "within the same one-second budget as reports" (issue #22), on one public /map over Hạc
// Thành in headless Chromium. RUNS times each, interleaved: an alert published on that commune (POST
// /api/v1/alerts by a supervisor, severity Moderate: no second approval) until its banner is in the page, and its
// peer, a citizen report created in that commune (POST /api/v1/reports) until its row is in the page's live list.
// Both clocks start before the POST and stop in the page when the element is added (same wall clock, same host).
// Each alert is cancelled, and its banner gone, before the next sample, so every sample starts alike.
// Prints p50/p95 of each, the ratio alert/report (goal <= 1) and the absolute alert figure (recorded, not judged).
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import type { Page } from 'playwright-core';
import { startProduct } from '../main.ts';
import { ROOT, launchChromium } from '../e2e/support/chromium.ts';
import { login } from '../realtime/test-support/staff-login.ts';

const RUNS = Number(process.env.RUNS ?? 30);
const HAC_THANH = { code: '14797', lng: 105.78, lat: 19.8 };
const WAIT = { polling: 20, timeout: 60_000 } as const;

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

// When each alert banner item and each live-list row is first added: a string, since tsx's name helpers do not
// exist inside the page.
const WATCH = `
  window.__seen = {};
  performance.setResourceTimingBufferSize(100000);
  const mark = (el) => {
    const key = el.dataset.alertId ? 'alert:' + el.dataset.alertId : el.dataset.code ? 'report:' + el.dataset.code : null;
    if (key && !(key in window.__seen)) window.__seen[key] = Date.now();
  };
  new MutationObserver((records) => {
    for (const r of records)
      for (const n of r.addedNodes)
        if (n.nodeType === 1) { mark(n); n.querySelectorAll('[data-alert-id],[data-code]').forEach(mark); }
  }).observe(document, { childList: true, subtree: true });
`;

interface Sample {
  answered: number;
  shown: number;
  /** Alerts: how long the page's GET /api/v1/alerts took after it heard the notice. */
  refetch?: number;
}

async function seenAt(page: Page, key: string): Promise<number> {
  const seen = (k: string) => (window as unknown as { __seen: Record<string, number | undefined> }).__seen[k];
  await page.waitForFunction(seen, key, WAIT);
  return (await page.evaluate(seen, key))!;
}

async function openMap(page: Page, url: string): Promise<void> {
  await page.addInitScript(WATCH);
  await page.goto(`${url}/map`);
  const slow = { polling: 250, timeout: 120_000 } as const;
  await page.waitForFunction(
    () => document.querySelector('[data-testid="connection"]')?.getAttribute('data-state') === 'live',
    undefined,
    slow,
  );
  await page.waitForFunction(() => window.__hientruong !== undefined, undefined, slow);
  await page.evaluate(
    ([lng, lat]) => window.__hientruong!.map.jumpTo({ center: [lng, lat], zoom: 13 }),
    [HAC_THANH.lng, HAC_THANH.lat],
  );
  await page.evaluate(() => window.__hientruong!.idle());
  // The socket watches the alerts of what the map shows: wait until the server has taken this view.
  await page.waitForFunction(
    ([x, y]) => {
      const [w, s, e, n] = (document.documentElement.dataset.alertView ?? '').split(',').map(Number);
      return w < x && x < e && s < y && y < n;
    },
    [HAC_THANH.lng, HAC_THANH.lat],
    slow,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'ht-bench-alerts-'));
const dist = join(dir, 'dist');
const nodeEnv = process.env.NODE_ENV;
await build({ configFile: `${ROOT}vite.config.ts`, logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
// Vite's build sets NODE_ENV=production, and a production start refuses the demo publisher this bench signs in as.
if (nodeEnv === undefined) delete process.env.NODE_ENV;
else process.env.NODE_ENV = nodeEnv;
const product = await startProduct({
  dataDir: join(dir, 'pg'),
  port: 0,
  host: '127.0.0.1',
  demo: false,
  demoAccounts: true,
  distDir: dist,
  hotspots: false,
});
const browser = await launchChromium();

async function publishAlert(page: Page, publish: Awaited<ReturnType<typeof login>>, i: number): Promise<Sample> {
  const started = Date.now();
  const res = await publish('/api/v1/alerts', {
    title: `Cảnh báo ngập úng thử ${i}`,
    body: 'Mưa lớn gây ngập tại các tuyến phố trũng, hạn chế di chuyển.',
    category: 'flood',
    severity: 'Moderate',
    urgency: 'Expected',
    certainty: 'Likely',
    effective: new Date(started - 60_000).toISOString(),
    expires: new Date(started + 3_600_000).toISOString(),
    area: { communes: [HAC_THANH.code] },
  });
  const answered = Date.now() - started;
  if (res.status !== 201 || res.body.state !== 'published') throw new Error(`publish: ${JSON.stringify(res)}`);
  const id = res.body.id;
  const shown = (await seenAt(page, `alert:${id}`)) - started;
  const refetch = await page.evaluate(
    (since) =>
      performance
        .getEntriesByType('resource')
        .filter((r) => r.name.includes('/api/v1/alerts') && performance.timeOrigin + r.startTime >= since)
        .map((r) => r.duration)[0] ?? NaN,
    started,
  );
  // Back to where every sample starts: no alert on the page.
  if ((await publish(`/api/v1/alerts/${id}/cancel`, {})).status !== 200) throw new Error(`cancel ${id}`);
  await page.waitForFunction((a) => !document.querySelector(`[data-alert-id="${a}"]`), id, WAIT);
  return { answered, shown, refetch };
}

async function createReport(page: Page, url: string, i: number): Promise<Sample> {
  const started = Date.now();
  const res = await fetch(`${url}/api/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      category: 'road',
      description: `Ổ gà trên đường, thử ${i}`,
      lat: HAC_THANH.lat + (i % 10) * 0.0004,
      lng: HAC_THANH.lng + Math.floor(i / 10) * 0.0004,
    }),
  });
  const answered = Date.now() - started;
  const body = (await res.json()) as { code?: string };
  if (res.status !== 201 || !body.code) throw new Error(`report: ${res.status} ${JSON.stringify(body)}`);
  return { answered, shown: (await seenAt(page, `report:${body.code}`)) - started };
}

try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  page.on('pageerror', (e) => console.log('[pageerror]', e.message));
  await openMap(page, product.url);
  const publish = await login(product.url, 'supervisor');
  await publishAlert(page, publish, -1); // warm up both paths once (JIT, first render of a banner and a row)
  await createReport(page, product.url, 99);
  const alerts: Sample[] = [];
  const reports: Sample[] = [];
  // Alternate which goes first, and let the feed fall quiet before each (its coalescing is leading-edge).
  const pause = () => new Promise((r) => setTimeout(r, 1000));
  for (let i = 0; i < RUNS; i++) {
    for (const kind of i % 2 === 0 ? ['alert', 'report'] : ['report', 'alert']) {
      await pause();
      if (kind === 'alert') alerts.push(await publishAlert(page, publish, i));
      else reports.push(await createReport(page, product.url, i));
    }
  }
  const f = (xs: number[]) => `${pct(xs, 0.5).toFixed(0).padStart(6)} / ${pct(xs, 0.95).toFixed(0).padStart(6)}`;
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log('browser: Debian Chromium headless, --disable-gpu, 1280×800, one public /map over Hạc Thành, zoom 13\n');
  console.log(`ms, ${RUNS} each          answered p50 / p95    shown p50 / p95`);
  console.log(`alert (publish)         ${f(alerts.map((s) => s.answered))}      ${f(alerts.map((s) => s.shown))}`);
  console.log(`report (peer)           ${f(reports.map((s) => s.answered))}      ${f(reports.map((s) => s.shown))}`);
  const refetches = alerts.map((s) => s.refetch ?? NaN).filter(Number.isFinite);
  if (refetches.length) console.log(`the page's GET /api/v1/alerts after each alert notice: ${f(refetches)}`);
  const shownAt = (xs: Sample[], p: number) =>
    pct(
      xs.map((s) => s.shown),
      p,
    );
  const [a50, a95, r50, r95] = [
    shownAt(alerts, 0.5),
    shownAt(alerts, 0.95),
    shownAt(reports, 0.5),
    shownAt(reports, 0.95),
  ];
  console.log(
    `\nalert / report, shown: p50 ${(a50 / r50).toFixed(2)}x, p95 ${(a95 / r95).toFixed(2)}x ` +
      `(goal <= 1: p50 ${a50 / r50 <= 1 ? 'met' : 'NOT met'}, p95 ${a95 / r95 <= 1 ? 'met' : 'NOT met'}); ` +
      `alert p95 ${a95.toFixed(0)} ms (budget 1,000 ms, recorded)`,
  );
} finally {
  await browser.close();
  await product.stop();
  rmSync(dir, { recursive: true, force: true });
}
