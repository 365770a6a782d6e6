// Getis–Ord Gi* over H3 cells, and hot/cold classification with a false-discovery-rate correction.
//
// Study area: exactly the cells given. A cell's neighbourhood is its H3 grid disk of radius k, itself
// included, with binary weights, restricted to the given cells: a neighbour that is not listed is outside
// the study area (not a zero). To count a cell with no reports, list it with 0 (the live service lists
// every cell of the province). This is spdep::localG with the same neighbours and include.self().
import { diskGraph, type DiskGraph } from './cell-disks.ts';
import { twoSidedP } from './normal-tail.ts';

export interface GiStar {
  z: number;
  p: number;
}

export interface GiStarOptions {
  k: number;
}

/**
 * Gi* z-score and two-sided normal p-value of every cell. When every count is equal, or a cell's
 * neighbourhood is the whole study area, the statistic is undefined: z = 0, p = 1 (nothing stands out).
 */
export function giStar(counts: Record<string, number>, options: GiStarOptions): Record<string, GiStar> {
  const cells = Object.keys(counts);
  const x = new Float64Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    x[i] = counts[cells[i]];
    if (!Number.isFinite(x[i])) throw new RangeError(`counts: ${cells[i]} is not a finite number`);
  }
  const z = giStarZ(x, diskGraph(cells, options.k));
  const out: Record<string, GiStar> = {};
  for (let i = 0; i < cells.length; i++) out[cells[i]] = { z: z[i], p: twoSidedP(z[i]) };
  return out;
}

/** Gi* z-scores of values `x` over a neighbourhood graph (self included), as spdep::localG computes them. */
export function giStarZ(x: Float64Array, graph: DiskGraph): Float64Array {
  const n = x.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[i];
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i] - mean) ** 2;
  const variance = ss / n; // spdep's si2 for Gi*: the population variance of all n values
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let lag = 0;
    const from = graph.offsets[i];
    const to = graph.offsets[i + 1];
    for (let e = from; e < to; e++) lag += x[graph.indices[e]];
    const w = to - from; // binary weights: W_i = S1_i = neighbourhood size
    const v = (variance * (n * w - w * w)) / (n - 1);
    z[i] = v > 0 ? (lag - mean * w) / Math.sqrt(v) : 0;
  }
  return z;
}

/** Confidence bins: 3 / 2 / 1 = hot spot at 99 / 95 / 90 %, negative for cold spots, 0 for neither. */
export type HotspotBin = -3 | -2 | -1 | 0 | 1 | 2 | 3;

const LEVELS: [alpha: number, bin: 1 | 2 | 3][] = [
  [0.01, 3],
  [0.05, 2],
  [0.1, 1],
];

/**
 * Benjamini–Hochberg: the largest p-value threshold at false-discovery rate `alpha` (the p of rank r, the
 * largest r with p_(r) <= r/m * alpha), or -1 when nothing is significant. Reject every p at or below it.
 */
export function fdrThreshold(pValues: ArrayLike<number>, alpha: number): number {
  const sorted = Float64Array.from(pValues).sort();
  const m = sorted.length;
  for (let r = m; r >= 1; r--) if (sorted[r - 1] <= (r / m) * alpha) return sorted[r - 1];
  return -1;
}

/** |z| below this has p > 0.10: significant at no level, whatever the correction. */
const Z_90 = 1.6448536269514722;

/**
 * hotspotBins for z-scores in an array (the same answer as classifyHotspots on their p-values): p-values are
 * computed only for |z| >= 1.645, since no other cell can pass r/m * alpha <= 0.10.
 */
export function hotspotBins(z: ArrayLike<number>): Int8Array {
  const n = z.length;
  const out = new Int8Array(n);
  const candidates: number[] = [];
  for (let i = 0; i < n; i++) if (Math.abs(z[i]) >= Z_90 - 1e-9) candidates.push(i);
  const p = Float64Array.from(candidates, (i) => twoSidedP(z[i]));
  const sorted = Float64Array.from(p).sort();
  const thresholds = LEVELS.map(([alpha, bin]) => {
    let t = -1;
    for (let r = sorted.length; r >= 1 && t < 0; r--) if (sorted[r - 1] <= (r / n) * alpha) t = sorted[r - 1];
    return [t, bin] as const;
  });
  candidates.forEach((i, c) => {
    const level = thresholds.find(([t]) => p[c] <= t)?.[1] ?? 0;
    out[i] = z[i] > 0 ? level : -level;
  });
  return out;
}

/**
 * The confidence bin of each cell, each level (90/95/99 %) corrected for the number of cells tested with
 * Benjamini–Hochberg, as ArcGIS's Hot Spot Analysis does with its FDR option.
 */
export function classifyHotspots(stats: Record<string, GiStar>): Record<string, HotspotBin> {
  const cells = Object.keys(stats);
  const p = cells.map((c) => stats[c].p);
  const thresholds = LEVELS.map(([alpha, bin]) => [fdrThreshold(p, alpha), bin] as const);
  const out: Record<string, HotspotBin> = {};
  for (const c of cells) {
    const { z, p: pc } = stats[c];
    const level = thresholds.find(([t]) => pc <= t)?.[1] ?? 0;
    out[c] = (level === 0 ? 0 : z > 0 ? level : -level) as HotspotBin;
  }
  return out;
}
