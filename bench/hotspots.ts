// npm run bench:hotspots — Gi* (geo/hotspots.ts) against R's spdep::localG on the same cells, counts and
// neighbours, at 10k, 100k and 300k H3 cells. Ours is timed end to end (cell strings in, z and p out,
// neighbour search included); spdep only for nb2listw + localG, timed inside R, with the neighbours given.
import { gridDisk, latLngToCell } from 'h3-js';
import { cpus } from 'node:os';
import { diskGraph } from '../geo/cell-disks.ts';
import { giStar } from '../geo/hotspots.ts';
import { seededRandom } from '../geo/test-support/seeded-random.ts';
import { spdepLocalG, spdepMissing } from '../geo/test-support/spdep.ts';

const SIZES = [10_000, 100_000, 300_000];
const K = 1;
const RUNS = 5;

function input(size: number): Record<string, number> {
  // A contiguous res-9 area around Thanh Hóa city, background counts 0-2 and a few planted clusters.
  const random = seededRandom(size);
  const radius = Math.ceil((-3 + Math.sqrt(9 - 12 * (1 - size))) / 6);
  const cells = gridDisk(latLngToCell(19.8, 105.78, 9), radius).slice(0, size);
  const hot = new Set(cells.filter(() => random() < 0.0005).flatMap((c) => gridDisk(c, 3)));
  return Object.fromEntries(cells.map((c) => [c, Math.floor(random() * 3) + (hot.has(c) ? 5 : 0)]));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const missing = spdepMissing();
console.log(`Gi* k=${K}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}`);
if (missing) console.log(`spdep not run: ${missing}`);
const ours: number[] = [];
for (const size of SIZES) {
  const counts = input(size);
  giStar(counts, { k: K }); // warm up the JIT on this shape
  const times: number[] = [];
  let result: ReturnType<typeof giStar> = {};
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    result = giStar(counts, { k: K });
    times.push(performance.now() - t);
  }
  const ms = median(times);
  ours.push(ms);
  let line = `${size.toLocaleString('en')} cells: ours ${ms.toFixed(1)} ms (median of ${RUNS})`;
  if (!missing) {
    const cells = Object.keys(counts);
    const r = spdepLocalG(
      cells.map((c) => counts[c]),
      diskGraph(cells, K),
    );
    const worst = cells.reduce((w, c, i) => Math.max(w, Math.abs(result[c].z - r.z[i])), 0);
    line += `, spdep ${(r.seconds * 1000).toFixed(0)} ms, ratio ${((r.seconds * 1000) / ms).toFixed(1)}×, max |Δz| ${worst.toExponential(1)}`;
  }
  console.log(line);
}
const growth = ours[2] / ours[0];
console.log(
  `growth 10k -> 300k: ${growth.toFixed(1)}× for 30× the cells (linear: 30×; quadratic: 900×); ` +
    `µs/cell ${((ours[0] * 1000) / SIZES[0]).toFixed(2)} -> ${((ours[2] * 1000) / SIZES[2]).toFixed(2)}`,
);
