// Area index vs its peers (which-polygon, turf scans): build cost, exactness against turf, lookups/s.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { bbox as bboxOf, booleanPointInPolygon } from '@turf/turf';
import { buildAreaIndex, DEFAULT_AREA_RES } from '../geo/area-index.ts';
import type { AreaCollection } from '../geo/types.ts';
import { seededRandom } from '../geo/test-support/seeded-random.ts';
import { buildPlaceIndex } from '../geo/address-search.ts';
import { buildPlaceEntries, type MappingRow, type PoiInput } from '../geo/place-entries.ts';

type WhichPolygon = (fc: AreaCollection) => (p: [number, number]) => { code: string } | null;
const whichPolygon = createRequire(import.meta.url)('which-polygon') as WhichPolygon;
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const RANDOM_POINTS = Number(process.env.BENCH_POINTS ?? 1_000_000);
const TIMED_POINTS = 200_000;
const SCAN_POINTS = 2_000;
const RUNS = 3;
const RESOLUTIONS = [8, 9, 10];
const NUDGE = 1e-7;
const DATASETS = ['thanh-hoa-communes-166', 'hcmc-wards-168'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** Uniform points over the bbox, then every vertex of every ring exactly and nudged by ±1e-7 on each axis. */
function probePoints(fc: AreaCollection, box: number[], seed: number): Float64Array {
  const rnd = seededRandom(seed);
  const out: number[] = [];
  for (let i = 0; i < RANDOM_POINTS; i++)
    out.push(box[0] + rnd() * (box[2] - box[0]), box[1] + rnd() * (box[3] - box[1]));
  for (const f of fc.features) {
    for (const ring of (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat()) {
      for (const [x, y] of ring.slice(1)) {
        out.push(x, y, x + NUDGE, y, x - NUDGE, y, x, y + NUDGE, x, y - NUDGE);
      }
    }
  }
  return Float64Array.from(out);
}

/** Turf on every feature whose bbox holds the point, first wins: a linear scan minus features it cannot hit. */
function turfOracle(fc: AreaCollection) {
  const boxes = fc.features.map((f) => bboxOf(f));
  return (x: number, y: number): number =>
    fc.features.findIndex((f, i) => {
      const b = boxes[i];
      return x >= b[0] && y >= b[1] && x <= b[2] && y <= b[3] && booleanPointInPolygon([x, y], f);
    });
}

const linearTurf = (fc: AreaCollection) => (x: number, y: number) =>
  fc.features.findIndex((f) => booleanPointInPolygon([x, y], f));

/** Uniform points that some area contains: what real reports look like (nobody reports from the sea). */
function landPoints(pts: Float64Array, want: Int16Array): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < pts.length / 2; i++) if (want[i] >= 0) out.push(pts[2 * i], pts[2 * i + 1]);
  return Float64Array.from(out);
}

/** Lookups per second over all points, median of RUNS. */
function rate(pts: Float64Array, fn: (x: number, y: number) => unknown): number {
  const n = pts.length / 2;
  const runs: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    for (let i = 0; i < n; i++) fn(pts[2 * i], pts[2 * i + 1]);
    runs.push(n / ((performance.now() - t) / 1000));
  }
  return median(runs);
}

/** Disagreements with the oracle, split into the random points and the vertex probes after them. */
function mismatches(n: number, answer: (i: number) => number, want: Int16Array): string {
  let random = 0;
  let vertex = 0;
  for (let i = 0; i < n; i++) {
    if (answer(i) === want[i]) continue;
    if (i < RANDOM_POINTS) random++;
    else vertex++;
  }
  return `${fmt(random)} / ${fmt(vertex)}`;
}

function measureBuild<T>(build: () => T): { ms: number; heapMB: number; value: T } {
  const ms: number[] = [];
  const heap: number[] = [];
  let value!: T;
  for (let r = 0; r < RUNS; r++) {
    // eslint-disable-next-line no-useless-assignment -- drops the previous build so gc() frees it before measuring
    value = undefined as T;
    gc();
    const h0 = process.memoryUsage().heapUsed;
    const t = performance.now();
    value = build();
    ms.push(performance.now() - t);
    gc();
    heap.push((process.memoryUsage().heapUsed - h0) / 2 ** 20);
  }
  return { ms: median(ms), heapMB: median(heap), value };
}

function benchDataset(name: string, seed: number): void {
  const fc = JSON.parse(
    readFileSync(new URL(`../sql/data/vn/boundaries-2025/${name}.geojson`, import.meta.url), 'utf8'),
  ) as AreaCollection;
  const box = bboxOf(fc);
  const pts = probePoints(fc, box, seed);
  const n = pts.length / 2;
  console.log(
    `\n## ${name}: ${fc.features.length} areas, ${fmt(RANDOM_POINTS)} random + ${fmt(n - RANDOM_POINTS)} vertex probes`,
  );

  // The oracle answers once; every contender is checked against the same answers.
  const t = performance.now();
  const oracle = turfOracle(fc);
  const want = new Int16Array(n);
  for (let i = 0; i < n; i++) want[i] = oracle(pts[2 * i], pts[2 * i + 1]);
  console.log(
    `oracle (turf booleanPointInPolygon on bbox candidates, first in order): ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  // The bbox prefilter only drops features a point cannot be in; prove it against the plain scan on a sample.
  const linear = linearTurf(fc);
  let prefilterDiff = 0;
  for (let i = 0; i < n; i += Math.floor(n / SCAN_POINTS))
    if (linear(pts[2 * i], pts[2 * i + 1]) !== want[i]) prefilterDiff++;
  console.log(`oracle vs plain linear turf scan on ${fmt(SCAN_POINTS)} spread probes: ${prefilterDiff} differences`);

  const wp = measureBuild(() => whichPolygon(fc));
  const codeIndex = new Map(fc.features.map((f, i) => [f.properties.code, i]));
  const wpDiff = mismatches(n, (i) => codeIndex.get(wp.value([pts[2 * i], pts[2 * i + 1]])?.code ?? '') ?? -1, want);
  const timed = pts.subarray(0, 2 * Math.min(TIMED_POINTS, RANDOM_POINTS));
  const land = landPoints(timed, want);
  const wpRate = rate(timed, (x, y) => wp.value([x, y]));
  const wpLand = rate(land, (x, y) => wp.value([x, y]));
  const scanRate = rate(timed.subarray(0, 2 * SCAN_POINTS), linear);
  const boxedRate = rate(timed.subarray(0, 20 * SCAN_POINTS), oracle);

  console.log(
    `\n| index | build ms | heap MB | interior / border cells | mismatches vs oracle: random / vertex probes | lookups/s bbox | lookups/s land (${fmt(land.length / 2)}) | vs which-polygon bbox / land (goal >= 2) | vs linear turf (goal >= 20) |`,
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const res of RESOLUTIONS) {
    const built = measureBuild(() => buildAreaIndex(fc, { res }));
    const index = built.value;
    const diff = mismatches(n, (i) => index.lookupIndex(pts[2 * i], pts[2 * i + 1]), want);
    const ours = rate(timed, index.lookupIndex);
    const oursLand = rate(land, index.lookupIndex);
    const s = index.stats();
    const mark = res === DEFAULT_AREA_RES ? ' (default)' : '';
    console.log(
      `| ours res ${res}${mark} | ${fmt(built.ms)} | ${built.heapMB.toFixed(1)} | ${fmt(s.interiorCells)} / ${fmt(s.borderCells)} | ${diff} | ${fmt(ours)} | ${fmt(oursLand)} | ${(ours / wpRate).toFixed(1)}x / ${(oursLand / wpLand).toFixed(1)}x | ${fmt(ours / scanRate)}x |`,
    );
  }
  console.log(
    `| which-polygon | ${fmt(wp.ms)} | ${wp.heapMB.toFixed(1)} | - | ${wpDiff} | ${fmt(wpRate)} | ${fmt(wpLand)} | 1x | ${fmt(wpRate / scanRate)}x |`,
  );
  console.log(
    `| turf scan, bbox prefilter (old geo/area-index.ts) | 0 | - | - | 0 (it is the oracle) | ${fmt(boxedRate)} | - | ${(boxedRate / wpRate).toFixed(2)}x | ${(boxedRate / scanRate).toFixed(1)}x |`,
  );
  console.log(
    `| linear turf scan | 0 | - | - | ${prefilterDiff} of ${fmt(SCAN_POINTS)} sampled | ${fmt(scanRate)} | - | ${(scanRate / wpRate).toFixed(3)}x | 1x |`,
  );
}

console.log(`# bench:geo  node ${process.version}, ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown cpu'}`);
console.log(
  `timings: median of ${RUNS}; lookups/s over the first ${fmt(TIMED_POINTS)} uniform bbox points, and over those of them on land (linear turf: first ${fmt(SCAN_POINTS)}, bbox scan: ${fmt(10 * SCAN_POINTS)})`,
);
DATASETS.forEach((name, i) => benchDataset(name, 1000 + i));
benchAddressSearch();

/** Place search over every 2025 commune, every former name and the hospitals: build once, then per-query cost. */
function benchAddressSearch(): void {
  const read = (p: string) => readFileSync(new URL(`../sql/data/vn/${p}`, import.meta.url), 'utf8');
  const csv = <T>(p: string): T[] => {
    const [head, ...lines] = read(p).trim().split(/\r?\n/);
    const cols = head.split(',');
    return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])) as T);
  };
  const gso = csv<{ code: string; name: string; full_name: string; type: string; province_code: string }>(
    'codes/gso-2025-communes-3321.csv',
  );
  const pois: PoiInput[] = ['poi/hospitals-thanh-hoa.geojson', 'poi/hospitals-hcmc.geojson'].flatMap((p) =>
    (JSON.parse(read(p)) as { features: { properties: PoiInput }[] }).features.map((f) => f.properties),
  );
  const built = measureBuild(() =>
    buildPlaceIndex(
      buildPlaceEntries(
        gso.map((r) => ({
          code: r.code,
          name: r.name,
          fullName: r.full_name,
          type: r.type,
          provinceCode: r.province_code,
        })),
        csv<MappingRow>('codes/mapping-2025-new-to-old.csv'),
        pois,
      ),
    ),
  );
  const queries = [
    'phuong ham rong',
    'Sầm Sơn',
    'xa Quang Loi cu',
    'TP Thanh Hoa',
    'benh vien da khoa tinh',
    'hac thanh',
    'son',
    'thanh',
    'dong son',
    'p. ben thanh',
  ];
  const perQuery = queries.map((q) => {
    const runs: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const t = performance.now();
      for (let i = 0; i < 200; i++) built.value.search(q, { provinceCode: '38' });
      runs.push(((performance.now() - t) / 200) * 1000);
    }
    return `${q}: ${median(runs).toFixed(0)} µs`;
  });
  console.log(
    `\n## address search: ${fmt(built.value.size)} entries, build ${fmt(built.ms)} ms, ${built.heapMB.toFixed(1)} MB heap`,
  );
  console.log(perQuery.join(' | '));
}
