// bench:web — what a citizen on a mid-range phone feels: /report against /map (its peer, same run), cold,
// in Chromium with the network throttled to slow 4G (1.6 Mbps down, 750 kbps up, 150 ms RTT) and the CPU
// slowed 4x over CDP. Per page: largest contentful paint, time until the page accepts input, and the
// script bytes (as transferred, gzip) loaded by then. Prints medians of RUNS cold loads and the ratios.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium, type Browser } from 'playwright-core';
import { startProduct } from '../main.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.RUNS ?? 5);
const NETWORK = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
const CPU_SLOWDOWN = 4;

/** The control that means "the citizen can start": the first step's button, the map's report button. */
const READY: Record<string, string> = {
  '/report': '[data-testid=use-location]:not([disabled])',
  '/map': '[data-testid=report-cta]',
};

interface Sample {
  lcp: number;
  ready: number;
  scriptBytes: number;
}

async function measure(browser: Browser, url: string, selector: string): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  if (process.env.DEBUG) page.on('console', (m) => console.log('[page]', m.text()));
  if (process.env.DEBUG) page.on('pageerror', (e) => console.log('[pageerror]', e.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  const scripts = new Set<string>();
  let scriptBytes = 0;
  let counting = true;
  cdp.on('Network.responseReceived', (e) => e.type === 'Script' && scripts.add(e.requestId));
  cdp.on('Network.loadingFinished', (e) => {
    if (counting && scripts.has(e.requestId)) scriptBytes += e.encodedDataLength;
  });
  // Both marks are taken inside the page, on its own clock (navigation start = 0).
  // A string, not a function: tsx's name helpers do not exist inside the page.
  await page.addInitScript(`
    window.__lcp = 0;
    window.__ready = null;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) { window.__lcp = e.startTime; window.__lcpEl = e.element && e.element.outerHTML.slice(0, 80); }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    const check = () => {
      if (window.__ready === null && document.querySelector(${JSON.stringify(selector)})) window.__ready = performance.now();
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
  `);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { __ready: number | null }).__ready !== null, null, {
    timeout: 120_000,
    polling: 100,
  });
  counting = false;
  // LCP is final once the page has been still a moment; an input would end it, so none is sent.
  await page.waitForTimeout(1500);
  const marks = await page.evaluate(() => {
    const w = window as unknown as { __lcp: number; __ready: number };
    return { lcp: w.__lcp, ready: w.__ready };
  });
  if (process.env.DEBUG)
    console.log(
      await page.evaluate(() =>
        JSON.stringify({
          lcp: (window as unknown as { __lcpEl?: string }).__lcpEl,
          res: performance
            .getEntriesByType('resource')
            .map((r) => [
              r.name.split('/').pop()?.slice(0, 30),
              Math.round(r.startTime),
              Math.round((r as PerformanceResourceTiming).responseEnd),
            ]),
          nav: performance
            .getEntriesByType('navigation')
            .map((n) => Math.round((n as PerformanceNavigationTiming).responseEnd)),
        }),
      ),
    );
  await context.close();
  return { ...marks, scriptBytes };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dist = mkdtempSync(join(tmpdir(), 'ht-web-dist-'));
const data = mkdtempSync(join(tmpdir(), 'ht-web-pg-'));
await build({ configFile: `${ROOT}vite.config.ts`, logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
const product = await startProduct({ dataDir: data, port: 0, host: '127.0.0.1', demo: false, distDir: dist });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
const results: Record<string, { lcp: number; ready: number; kb: number }> = {};
try {
  // PAGES=/report measures one page alone (the ratios need both).
  for (const path of Object.keys(READY).filter((p) => !process.env.PAGES || process.env.PAGES.split(',').includes(p))) {
    const samples: Sample[] = [];
    // Alternate nothing: each page's runs back to back, cold (new context, cache disabled) every time.
    for (let i = 0; i < RUNS; i++) samples.push(await measure(browser, product.url + path, READY[path]));
    results[path] = {
      lcp: median(samples.map((s) => s.lcp)),
      ready: median(samples.map((s) => s.ready)),
      kb: median(samples.map((s) => s.scriptBytes)) / 1024,
    };
    console.log(
      `${path.padEnd(8)} LCP ${results[path].lcp.toFixed(0)} ms   ready ${results[path].ready.toFixed(0)} ms   ` +
        `scripts ${results[path].kb.toFixed(0)} KB transferred   (median of ${RUNS})`,
    );
  }
  const r = results['/report'];
  const m = results['/map'];
  if (r && m)
    console.log(
      `/report vs /map: LCP ${(r.lcp / m.lcp).toFixed(2)}x, ready ${(r.ready / m.ready).toFixed(2)}x, ` +
        `scripts ${(r.kb / m.kb).toFixed(2)}x` +
        `\ngoals (issue #18): /report LCP <= 1500 ms: ${r.lcp <= 1500 ? 'met' : 'NOT met'}; ready <= 2000 ms: ${r.ready <= 2000 ? 'met' : 'NOT met'}; first scripts <= 120 KB: ${r.kb <= 120 ? 'met' : 'NOT met'}`,
    );
} finally {
  await browser.close();
  await product.stop();
  rmSync(dist, { recursive: true, force: true });
  rmSync(data, { recursive: true, force: true });
}
