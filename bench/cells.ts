// npm run bench:cells — counts per H3 cell at res 5-10 over 1,000,000 reports: our rollup vs grouping the reports.
// Goal (issue 4): under 100 ms per query on this machine. Runs on its own embedded Postgres in a temp folder.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { latLngToCell } from 'h3-js';
import { cellToBigint, cellsCoveringBox } from '../geo/h3.ts';
import { createPool, migrate } from '../sql/db.ts';
import { startEmbeddedPostgres } from '../sql/embedded.ts';
import { seededRandom } from '../geo/test-support/seeded-random.ts';
import { WHOLE_AREA_MAX_RES, countByCell } from '../sql/queries/report-counts.ts';
import { applyReportRollups } from '../sql/queries/rollups.ts';
import { seedCatalog } from '../sql/seed/seed-catalog.ts';

const N = Number(process.env.BENCH_REPORTS ?? 1_000_000);
const CATEGORIES = ['rubbish', 'road', 'encroachment', 'flooding', 'lighting', 'security', 'other'];
const TOWNS = [
  [19.807, 105.776],
  [19.735, 105.903],
  [20.08, 105.86],
  [19.42, 105.79],
  [20.09, 105.38],
  [19.93, 105.43],
];

async function timeMedian(run: () => Promise<unknown>, times = 5): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await run();
    samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b)[Math.floor(times / 2)];
}

// `--keep DIR` keeps the loaded database in DIR and reuses it on the next run (new migrations apply to it).
const keepAt = process.argv.indexOf('--keep');
const keep = keepAt > 0 ? process.argv[keepAt + 1] : undefined;
const dir = keep ?? mkdtempSync(join(tmpdir(), 'ht-bench-cells-'));
const reused = keep !== undefined && existsSync(join(dir, 'pg'));
const cluster = await startEmbeddedPostgres(join(dir, 'pg'));
const db = createPool(cluster.url, 4);
try {
  await migrate(db);
  if (!reused) await seedCatalog(db);
  const rnd = seededRandom(7);
  const started = performance.now();
  for (let done = reused ? N : 0; done < N; done += 50_000) {
    const n = Math.min(50_000, N - done);
    const cat: string[] = [],
      lat: number[] = [],
      lng: number[] = [],
      cell: string[] = [],
      at: string[] = [];
    for (let i = 0; i < n; i++) {
      // 70% around towns (hotspots), 30% spread over the province; spread over 90 days.
      const [tlat, tlng] = TOWNS[Math.floor(rnd() * TOWNS.length)];
      const local = rnd() < 0.7;
      const la = local ? tlat + (rnd() - 0.5) * 0.08 : 19.3 + rnd() * 1.3;
      const lo = local ? tlng + (rnd() - 0.5) * 0.08 : 104.5 + rnd() * 1.5;
      cat.push(CATEGORIES[Math.floor(rnd() * CATEGORIES.length)]);
      lat.push(la);
      lng.push(lo);
      cell.push(cellToBigint(latLngToCell(la, lo, 12)).toString());
      at.push(new Date(Date.now() - rnd() * 90 * 86_400_000).toISOString());
    }
    await db.query(
      `INSERT INTO reports (category, description, lat, lng, h3_cell, created_at, updated_at)
       SELECT c, 'bench', la, lo, h, t, t FROM unnest($1::text[], $2::float8[], $3::float8[], $4::bigint[], $5::timestamptz[]) AS u(c, la, lo, h, t)`,
      [cat, lat, lng, cell, at],
    );
    // Fold the queued reports into the rollups as the product's applier would (readers count the queue too).
    while ((await applyReportRollups(db, 50_000)) > 0);
  }
  await db.query('VACUUM ANALYZE reports');
  // The rollups and their queue, as the applier leaves them: it filled them in 50,000-report takes, faster than
  // autovacuum looks, and the emptied queue would otherwise be scanned by every read until autovacuum came.
  for (const table of ['report_rollup_queue', 'report_cell_hours', 'report_cell_totals', 'report_cell_days'])
    await db.query(`VACUUM ANALYZE ${table}`);
  const rollupRows = (await db.query<{ n: number }>('SELECT count(*)::int n FROM report_cell_hours')).rows[0].n;
  const loaded = reused
    ? `reused the ${N.toLocaleString()} reports kept in ${dir}`
    : `loaded ${N.toLocaleString()} reports in ${((performance.now() - started) / 1000).toFixed(1)} s`;
  console.log(`${loaded}; hourly rollup rows ${rollupRows.toLocaleString()}`);
  console.log(`machine: ${cpus().length} cores, ${cpus()[0]?.model}, node ${process.version}\n`);
  console.log('query                        ours (ms)  peer (ms)  speed-up  goal <100 ms');
  const week = new Date(Date.now() - 7 * 86_400_000).toISOString();
  for (const [label, filter] of [
    ['all time', {}],
    ['last 7 days', { since: week }],
    ['category=flooding', { category: 'flooding' }],
  ] as const) {
    for (const res of [5, 6, 7, 8, 9, 10]) {
      const f = { res, ...filter } as { res: number; since?: string; category?: string };
      const ours = await timeMedian(() => countByCell(db, f));
      const peer = await timeMedian(
        () =>
          db.query(
            `SELECT h3_parent(h3_cell, $1) AS cell, count(*) FROM reports
          WHERE ($2::timestamptz IS NULL OR created_at >= $2) AND ($3::text IS NULL OR category = $3) GROUP BY 1`,
            [res, f.since ?? null, f.category ?? null],
          ),
        3,
      );
      // The API refuses these without a bbox (422); timed anyway, to show why.
      const verdict = res > WHOLE_AREA_MAX_RES ? 'API asks for a bbox' : ours < 100 ? 'met' : 'MISSED';
      console.log(
        `${(label + ' res ' + res).padEnd(28)} ${ours.toFixed(1).padStart(9)}  ${peer.toFixed(0).padStart(9)}  ${(peer / ours).toFixed(1).padStart(7)}x  ${verdict}`,
      );
    }
  }
  // A zoomed-in operator map (~5 x 5 km over Thanh Hóa city) at the fine resolutions.
  const box: [number, number, number, number] = [105.75, 19.78, 105.8, 19.83];
  for (const res of [8, 9, 10]) {
    const within = { cells: cellsCoveringBox(box, res, 20_000)!, cells10: cellsCoveringBox(box, 10, 80_000)! };
    for (const [label, since] of [
      ['viewport all time', undefined],
      ['viewport 7 days', week],
    ] as const) {
      const ours = await timeMedian(() => countByCell(db, { res, since, within }));
      const peer = await timeMedian(
        () =>
          db.query(
            `SELECT h3_parent(h3_cell, $1) AS cell, count(*) FROM reports
          WHERE lng BETWEEN $2 AND $4 AND lat BETWEEN $3 AND $5 AND ($6::timestamptz IS NULL OR created_at >= $6) GROUP BY 1`,
            [res, ...box, since ?? null],
          ),
        3,
      );
      console.log(
        `${(label + ' res ' + res).padEnd(28)} ${ours.toFixed(1).padStart(9)}  ${peer.toFixed(0).padStart(9)}  ${(peer / ours).toFixed(1).padStart(7)}x  ${ours < 100 ? 'met' : 'MISSED'}`,
      );
    }
  }
} finally {
  await db.end();
  await cluster.stop();
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
