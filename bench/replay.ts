// npm run bench:replay — scrubbing a replayed day of 10,000 reports on /ops in headless Chromium: per step, the
// time from the slider's input event to the second animation frame after it (state rebuild + counters + deck.gl
// layer update + the frame drawn). Random jumps (back and forth) and small forward steps (playing), p50/p95
// against the 100 ms goal. Peer, same run, same data: the state rebuilt by folding the log from the start each
// step (no checkpoints, no incremental step), timed in Node beside ours.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { latLngToCell } from 'h3-js';
import { build } from 'vite';
import { startProduct } from '../main.ts';
import { cellToBigint } from '../geo/h3.ts';
import { seededRandom } from '../geo/test-support/seeded-random.ts';
import { startEmbeddedPostgres } from '../sql/embedded.ts';
import { createPool, migrate, type Db } from '../sql/db.ts';
import { seedCatalog } from '../sql/seed/seed-catalog.ts';
import { ReplayLog, type LoggedEvent } from '../dashboard/replay/replay-log.ts';
import { ROOT, launchChromium } from '../e2e/support/chromium.ts';

const REPORTS = Number(process.env.BENCH_REPORTS ?? 10_000);
const STEPS = Number(process.env.STEPS ?? 60);
const DAY = 86_400_000;
const CATEGORIES = ['rubbish', 'road', 'encroachment', 'flooding', 'lighting', 'other'];
const TOWNS = [
  [19.807, 105.776],
  [19.735, 105.903],
  [20.08, 105.86],
  [19.42, 105.79],
];

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const fmt = (x: number) => x.toFixed(1).padStart(7);

const dir = mkdtempSync(join(tmpdir(), 'ht-bench-replay-'));
const cluster = await startEmbeddedPostgres(join(dir, 'pg'));
const dist = join(dir, 'dist');
await build({ configFile: `${ROOT}vite.config.ts`, logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
// The day is in the database before the product starts: its feed begins after it, as a server that has been
// running all day would (seeding after the start would stream 13,000 notices into the page being measured).
const db = createPool(cluster.url, 2);
await migrate(db);
await seedCatalog(db);
const { events, reports } = await seedDay(db);
const product = await startProduct({
  databaseUrl: cluster.url,
  port: 0,
  host: '127.0.0.1',
  demo: false,
  distDir: dist,
  hotspots: false,
  // A static kiosk token: the feed process accepts it at once (a seeded wall token waits for its token watcher).
  operatorToken: 'bench-replay-kiosk',
});
const browser = await launchChromium();
const rnd = seededRandom(11);

/** A day of reports around the towns, each with its created event; a third are moved on later that day. */
async function seedDay(db: Db) {
  const rnd = seededRandom(11);
  const now = Date.now();
  const rows = Array.from({ length: REPORTS }, () => {
    const [tlat, tlng] = TOWNS[Math.floor(rnd() * TOWNS.length)];
    const lat = tlat + (rnd() - 0.5) * 0.1;
    const lng = tlng + (rnd() - 0.5) * 0.1;
    return {
      lat,
      lng,
      category: CATEGORIES[Math.floor(rnd() * CATEGORIES.length)],
      at: now - DAY + rnd() * (DAY - 60_000),
    };
  });
  const cells = rows.map((r) => latLngToCell(r.lat, r.lng, 12));
  const { rows: ids } = await db.query<{ id: string }>(
    `INSERT INTO reports (category, description, lat, lng, h3_cell, created_at, updated_at)
     SELECT c, 'bench', la, lo, h, t, t FROM unnest($1::text[], $2::float8[], $3::float8[], $4::bigint[], $5::timestamptz[])
       AS u(c, la, lo, h, t) RETURNING id::text`,
    [
      rows.map((r) => r.category),
      rows.map((r) => r.lat),
      rows.map((r) => r.lng),
      cells.map((c) => cellToBigint(c).toString()),
      rows.map((r) => new Date(r.at).toISOString()),
    ],
  );
  const events: { id: string; kind: string; at: number; payload: Record<string, unknown> }[] = [];
  ids.forEach(({ id }, i) => {
    const base = { reportId: id, code: `B-${id}`, category: rows[i].category, cell: cells[i], areaCode: null };
    events.push({ id, kind: 'report.created', at: rows[i].at, payload: { ...base, status: 'received', version: 1 } });
    if (rnd() < 0.33) {
      const at = rows[i].at + rnd() * (now - rows[i].at);
      events.push({ id, kind: 'report.updated', at, payload: { ...base, status: 'triaged', version: 2 } });
    }
  });
  await db.query(
    `INSERT INTO events (report_id, kind, payload, created_at)
     SELECT r, k, p, t FROM unnest($1::bigint[], $2::text[], $3::jsonb[], $4::timestamptz[]) AS u(r, k, p, t)`,
    [
      events.map((e) => e.id),
      events.map((e) => e.kind),
      events.map((e) => JSON.stringify({ ...e.payload, at: new Date(e.at).toISOString() })),
      events.map((e) => new Date(e.at).toISOString()),
    ],
  );
  return { events, reports: ids.length };
}

try {
  const page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
  page.on('pageerror', (e) => console.log('[pageerror]', e.message));
  await page.goto(`${product.url}/ops?token=${product.operatorToken}`);
  await page.waitForSelector('[data-testid=replay-toggle]', { timeout: 120_000 }).catch(async (e: unknown) => {
    console.log((await page.evaluate(() => document.body.innerText)).slice(0, 600));
    throw e;
  });
  const loadStart = performance.now();
  await page.click('[data-testid=replay-toggle]');
  await page.waitForSelector('[data-testid=replay-range]:not([disabled])', { timeout: 120_000 });
  const loadMs = performance.now() - loadStart;
  const { from, to } = await page.$eval('[data-testid=replay-range]', (e) => ({
    from: Number(e.getAttribute('min')),
    to: Number(e.getAttribute('max')),
  }));

  // One step in the page: set the slider, dispatch its input event, wait two frames (the redrawn one presented).
  // `js`: until React has rendered and committed (a discrete event's update flushes in a microtask), which covers
  // the state rebuild, counters, hexagons, Gi* and the new deck.gl layers; the rest is drawing the frame.
  const step = (t: number) =>
    page.evaluate(
      (ms) =>
        new Promise<{ total: number; js: number }>((done) => {
          const input = document.querySelector<HTMLInputElement>('[data-testid=replay-range]')!;
          const t0 = performance.now();
          Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, String(ms));
          input.dispatchEvent(new Event('input', { bubbles: true }));
          let js = 0;
          void Promise.resolve().then(() => (js = performance.now() - t0));
          requestAnimationFrame(() => requestAnimationFrame(() => done({ total: performance.now() - t0, js })));
        }),
      t,
    );
  for (let i = 0; i < 5; i++) await step(from + rnd() * (to - from)); // warm up (JIT, glyph atlas, shaders)
  const jumps: number[] = [];
  const jumpsJs: number[] = [];
  const jumpTimes: number[] = [];
  for (let i = 0; i < STEPS; i++) {
    const t = from + rnd() * (to - from);
    jumpTimes.push(t);
    const m = await step(t);
    jumps.push(m.total);
    jumpsJs.push(m.js);
  }
  const shown = await page.evaluate(() => window.__hientruong?.reportsShown().length ?? -1);
  const forward: number[] = [];
  const forwardJs: number[] = [];
  const forwardTimes: number[] = [];
  for (let i = 0; i < STEPS; i++) {
    const t = from + ((i + 1) / STEPS) * (to - from);
    forwardTimes.push(t);
    const m = await step(t);
    forward.push(m.total);
    forwardJs.push(m.js);
  }
  const drawn = await page.evaluate(() => window.__hientruong?.reportsShown().length ?? -1);

  // Ours vs the peer, the state rebuild alone, in Node on the same log.
  const log: LoggedEvent[] = events.map((e, i) => ({
    id: String(i + 1),
    kind: e.kind,
    at: new Date(e.at).toISOString(),
    payload: e.payload,
  }));
  const ours = new ReplayLog({ reports: [], units: [] }, log);
  const oursMs = jumpTimes.map((t) => {
    const s = performance.now();
    ours.seek(t);
    return performance.now() - s;
  });
  const peer = new ReplayLog({ reports: [], units: [] }, log, { checkpointEvery: Number.MAX_SAFE_INTEGER });
  const peerMs = jumpTimes.map((t) => {
    const s = performance.now();
    peer.seek(-Infinity); // back to the start, then every change up to t
    peer.seek(t);
    return performance.now() - s;
  });

  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log('browser: Debian Chromium headless, --disable-gpu (software WebGL, SwiftShader), 1600×1000');
  console.log(
    `day: ${reports.toLocaleString()} reports, ${events.length.toLocaleString()} events; replay loaded in ${(loadMs / 1000).toFixed(1)} s`,
  );
  console.log(`points drawn after the jumps / at the end: ${shown.toLocaleString()} / ${drawn.toLocaleString()}\n`);
  console.log('per step (ms)                 p50      p95      max   goal p95 <= 100   of which JS p50 / p95');
  for (const [label, xs, js] of [
    ['random jumps (scrub)', jumps, jumpsJs],
    ['forward steps (play)', forward, forwardJs],
  ] as const)
    console.log(
      `${label.padEnd(26)}${fmt(pct(xs, 0.5))}  ${fmt(pct(xs, 0.95))}  ${fmt(Math.max(...xs))}   ${(pct(xs, 0.95) <= 100 ? 'met' : 'NOT met').padEnd(15)}${fmt(pct(js, 0.5))} / ${fmt(pct(js, 0.95))}`,
    );
  const o = pct(oursMs, 0.5);
  const p = pct(peerMs, 0.5);
  console.log(
    `\nstate rebuild per jump, p50 (Node): ours ${o.toFixed(2)} ms, peer (fold from the start) ${p.toFixed(2)} ms, ${(p / o).toFixed(1)}× faster`,
  );
} finally {
  await browser.close();
  await product.stop();
  await db.end();
  await cluster.stop();
  rmSync(dir, { recursive: true, force: true });
}
