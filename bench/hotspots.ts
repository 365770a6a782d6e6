// npm run bench:hotspots — Gi* (geo/hotspots.ts) against R's spdep::localG on the same cells, counts and
// neighbours, at 10k, 100k and 300k H3 cells. Only the computation is timed on either side (no R start-up, no
// data generation, no file exchange): ours is giStar end to end (cell strings in, z and p out, neighbour
// search included); spdep is nb2listw + localG timed inside R, with the neighbours handed to it. Both wall
// and CPU time (user + system) are printed, since the host is shared and CPU time moves less with its load.
import { gridDisk, latLngToCell } from 'h3-js';
import { cpus, loadavg } from 'node:os';
import { diskGraph } from '../geo/cell-disks.ts';
import { giStar, giStarZ } from '../geo/hotspots.ts';
import { twoSidedP } from '../geo/normal-tail.ts';
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

interface Timing {
  wallMs: number;
  cpuMs: number;
}

/** Median wall and CPU milliseconds of `RUNS` calls after one warm-up call (the JIT on this shape). */
function time(f: () => void): Timing {
  f();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const c = process.cpuUsage();
    const t = performance.now();
    f();
    wall.push(performance.now() - t);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { wallMs: median(wall), cpuMs: median(cpu) };
}

const ms = (x: number) => x.toFixed(x < 100 ? 1 : 0);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const missing = spdepMissing();
console.log(`Gi* k=${K}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}, load ${load()}`);
if (missing) console.log(`spdep not run: ${missing}`);
const ours: Timing[] = [];
for (const size of SIZES) {
  const counts = input(size);
  const cells = Object.keys(counts);
  const x = Float64Array.from(cells, (c) => counts[c]);
  const graph = diskGraph(cells, K);
  let result: ReturnType<typeof giStar> = {};
  const whole = time(() => (result = giStar(counts, { k: K })));
  // The same work as spdep's timed part: neighbours given, z and p out.
  const core = time(() => giStarZ(x, graph).map(twoSidedP));
  ours.push(whole);
  let line =
    `${size.toLocaleString('en')} cells: giStar ${ms(whole.wallMs)} ms wall / ${ms(whole.cpuMs)} ms CPU, ` +
    `core (neighbours given) ${ms(core.wallMs)} / ${ms(core.cpuMs)} ms`;
  if (!missing) {
    const r = spdepLocalG(x, graph);
    const worst = cells.reduce((w, c, i) => Math.max(w, Math.abs(result[c].z - r.z[i])), 0);
    line +=
      `; spdep ${ms(r.seconds * 1000)} ms wall / ${ms(r.cpuSeconds * 1000)} ms CPU; ` +
      `ratio giStar ${((r.seconds * 1000) / whole.wallMs).toFixed(0)}× wall, ` +
      `${((r.cpuSeconds * 1000) / whole.cpuMs).toFixed(0)}× CPU; ` +
      `ratio core ${((r.seconds * 1000) / core.wallMs).toFixed(0)}× wall, ` +
      `${((r.cpuSeconds * 1000) / core.cpuMs).toFixed(0)}× CPU; max |Δz| ${worst.toExponential(1)}`;
  }
  console.log(line);
}
const growth = (t: (x: Timing) => number) => (t(ours[2]) / t(ours[0])).toFixed(1);
console.log(
  `growth 10k -> 300k (30× the cells; linear 30×, quadratic 900×): ${growth((t) => t.wallMs)}× wall, ` +
    `${growth((t) => t.cpuMs)}× CPU; µs/cell ${((ours[0].cpuMs * 1000) / SIZES[0]).toFixed(2)} -> ` +
    `${((ours[2].cpuMs * 1000) / SIZES[2]).toFixed(2)} (CPU); load at the end ${load()}`,
);
