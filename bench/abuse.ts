// npm run bench:abuse — 8 anonymous readers looping on GET /api/v1/cells?res=9&status=…&bbox=… against report
// intake (issue #16, defect 2). Prints intake p50/p99 and acceptance alone and under the readers, and the ratio.
// Goal: p99 under load <= 2x unloaded, acceptance >= 95 %. Loopback only, bounded (~1 min), stops by itself.
// Two loaded phases: with the per-address read budget (as shipped), and with it lifted (the read pool alone).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProduct, type RunningProduct } from '../main.ts';

const RATE = Number(process.env.BENCH_RATE ?? 50); // reports offered per second
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const READERS = 8;
const SEED = Number(process.env.BENCH_SEED_REPORTS ?? 3_000);
const CELLS = '/api/v1/cells?res=9&status=received&bbox=105.65,19.70,105.85,19.90';

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
};

async function seed(url: string): Promise<void> {
  // Through the API, 16 at a time: rows, rollups and events exactly as intake makes them.
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      for (let i = next++; i < SEED; i = next++) {
        const r = await fetch(`${url}/api/v1/reports`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            category: 'road',
            description: `seed ${i}`,
            lat: 19.7 + ((i * 7919) % 2000) / 1e4,
            lng: 105.65 + ((i * 104729) % 2000) / 1e4,
          }),
        });
        await r.arrayBuffer();
      }
    }),
  );
}

async function intake(url: string): Promise<{ lat: number[]; ok: number; offered: number }> {
  const lat: number[] = [];
  let ok = 0;
  const jobs: Promise<void>[] = [];
  const offered = RATE * SECONDS;
  const started = performance.now();
  for (let i = 0; i < offered; i++) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const t = performance.now();
    jobs.push(
      fetch(`${url}/api/v1/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ category: 'road', description: `bench ${i}`, lat: 19.8 + (i % 50) / 1e4, lng: 105.77 }),
        signal: AbortSignal.timeout(10_000),
      }).then(
        async (r) => {
          await r.arrayBuffer();
          lat.push(performance.now() - t);
          if (r.status === 201) ok++;
        },
        () => {},
      ),
    );
  }
  await Promise.all(jobs);
  return { lat, ok, offered };
}

async function readers(url: string, until: () => boolean): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  await Promise.all(
    Array.from({ length: READERS }, async () => {
      while (!until()) {
        const r = await fetch(url + CELLS, { signal: AbortSignal.timeout(10_000) }).catch(() => null);
        await r?.arrayBuffer();
        statuses.set(r?.status ?? 0, (statuses.get(r?.status ?? 0) ?? 0) + 1);
        if (r?.status === 429) await new Promise((res) => setTimeout(res, 50)); // a polite-enough attacker
      }
    }),
  );
  return statuses;
}

async function phase(product: RunningProduct, name: string, withReaders: boolean) {
  let done = false;
  const reading = withReaders ? readers(product.url, () => done) : Promise.resolve(new Map<number, number>());
  const r = await intake(product.url);
  done = true;
  const reads = await reading;
  const line = {
    phase: name,
    p50: Math.round(pct(r.lat, 50)),
    p99: Math.round(pct(r.lat, 99)),
    accepted: `${((100 * r.ok) / r.offered).toFixed(1)} %`,
    reads: Object.fromEntries(reads),
  };
  console.log(JSON.stringify(line));
  return { p99: pct(r.lat, 99), acceptance: r.ok / r.offered };
}

async function run(publicReadsPer10s: number | undefined, label: string) {
  const dir = mkdtempSync(join(tmpdir(), 'ht-abuse-'));
  const product = await startProduct({
    dataDir: dir,
    port: 0,
    host: '127.0.0.1',
    demo: false,
    distDir: '/nonexistent',
    publicReadsPer10s,
  });
  try {
    await seed(product.url);
    const base = await phase(product, `${label}: intake alone`, false);
    const loaded = await phase(product, `${label}: intake + ${READERS} readers`, true);
    const ratio = loaded.p99 / base.p99;
    console.log(
      `${label}: p99 loaded/unloaded ${ratio.toFixed(2)}x (goal <= 2x: ${ratio <= 2 ? 'met' : 'NOT met'}), ` +
        `acceptance ${(100 * loaded.acceptance).toFixed(1)} % (goal >= 95 %: ${loaded.acceptance >= 0.95 ? 'met' : 'NOT met'})`,
    );
  } finally {
    await product.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await run(undefined, 'as shipped');
await run(1e9, 'read budget lifted (read pool alone)');
process.exit(0);
