// Emerging hot spots over a space–time cube (cell × time bin), after ArcGIS Pro's Emerging Hot Spot Analysis:
// Gi* with FDR per bin (geo/hotspots.ts), a Mann–Kendall trend of each cell's Gi* z-scores, and the pattern
// definitions below (hot side; cold spots mirror them). "Significant" = at least 90 % confidence after FDR.
//
// - new:          significant in the final bin only, never before.
// - consecutive:  one uninterrupted run of >= 2 significant bins ending with the final bin, never before that
//                 run, and < 90 % of bins significant.
// - intensifying: >= 90 % of bins significant, the final included, z trending up (Mann–Kendall p <= 0.05).
// - persistent:   >= 90 % of bins significant, the final included, no significant trend.
// - diminishing:  >= 90 % of bins significant, the final included, z trending down (p <= 0.05).
// - oscillating:  significant in the final bin, a significant spot of the opposite kind in some earlier bin,
//                 < 90 % of bins significant.
// - sporadic:     significant in the final bin, on and off before, < 90 %, never of the opposite kind.
// - historical:   not significant in the final bin, but in >= 90 % of the bins.
// Precedence where two fit (e.g. cold then hot only at the end): new, consecutive, oscillating, sporadic.
// The neighbourhood is spatial only (ArcGIS's "neighborhood time step" = 0): each bin is its own Gi*.
import { diskGraph } from './cell-disks.ts';
import { giStarZ, hotspotBins, type HotspotBin } from './hotspots.ts';
import { twoSidedP } from './normal-tail.ts';

export type EmergingPattern =
  'new' | 'consecutive' | 'intensifying' | 'persistent' | 'diminishing' | 'sporadic' | 'oscillating' | 'historical';

export interface Trend {
  /** Mann–Kendall S, its z (continuity-corrected, ties accounted for) and two-sided p. */
  s: number;
  z: number;
  p: number;
}

export interface EmergingHotspot {
  /** null: no pattern detected. */
  pattern: EmergingPattern | null;
  side: 'hot' | 'cold' | null;
  /** The confidence bin of each time step (3 = 99 % hot ... -3 = 99 % cold), oldest first. */
  bins: HotspotBin[];
  /** Gi* z of each time step, oldest first. */
  z: number[];
  trend: Trend;
}

export const TREND_ALPHA = 0.05;

/** Mann–Kendall trend test with the tie correction of the variance. */
export function mannKendall(series: ArrayLike<number>): Trend {
  const n = series.length;
  let s = 0;
  for (let i = 0; i < n - 1; i++) for (let j = i + 1; j < n; j++) s += Math.sign(series[j] - series[i]);
  const ties = new Map<number, number>();
  for (let i = 0; i < n; i++) ties.set(series[i], (ties.get(series[i]) ?? 0) + 1);
  let tieTerm = 0;
  for (const t of ties.values()) tieTerm += t * (t - 1) * (2 * t + 5);
  const variance = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  const z = variance > 0 && s !== 0 ? (s - Math.sign(s)) / Math.sqrt(variance) : 0;
  return { s, z, p: twoSidedP(z) };
}

/** The pattern of one cell from its per-bin confidence and its trend (see the definitions above). */
export function emergingPattern(
  bins: readonly HotspotBin[],
  trend: Trend,
): { pattern: EmergingPattern | null; side: 'hot' | 'cold' | null } {
  const t = bins.length;
  if (t === 0) return { pattern: null, side: null };
  const last = bins[t - 1];
  const hot = bins.filter((b) => b > 0).length;
  const cold = bins.filter((b) => b < 0).length;
  if (last === 0) {
    if (hot >= 0.9 * t) return { pattern: 'historical', side: 'hot' };
    if (cold >= 0.9 * t) return { pattern: 'historical', side: 'cold' };
    return { pattern: null, side: null };
  }
  const side = last > 0 ? 'hot' : 'cold';
  const same = (b: HotspotBin) => (side === 'hot' ? b > 0 : b < 0);
  const count = side === 'hot' ? hot : cold;
  if (count >= 0.9 * t) {
    const rising = side === 'hot' ? trend.z > 0 : trend.z < 0; // a cold spot intensifies as z falls
    if (trend.p > TREND_ALPHA || trend.z === 0) return { pattern: 'persistent', side };
    return { pattern: rising ? 'intensifying' : 'diminishing', side };
  }
  if (count === 1) return { pattern: 'new', side };
  let runStart = t - 1;
  while (runStart > 0 && same(bins[runStart - 1])) runStart--;
  if (t - runStart === count) return { pattern: 'consecutive', side };
  const opposite = side === 'hot' ? cold : hot;
  return { pattern: opposite > 0 ? 'oscillating' : 'sporadic', side };
}

/**
 * Every cell's emerging pattern from `cube[cell][bin]` counts (all series of one length, oldest bin first).
 * The study area is the cells given, in every bin (see geo/hotspots.ts).
 */
export function emergingHotspots(
  cube: Record<string, ArrayLike<number>>,
  options: { k: number },
): Record<string, EmergingHotspot> {
  const cells = Object.keys(cube);
  const steps = cells.length ? cube[cells[0]].length : 0;
  for (const c of cells)
    if (cube[c].length !== steps)
      throw new RangeError(`cube: every series needs ${steps} bins, ${c} has ${cube[c].length}`);
  const graph = diskGraph(cells, options.k);
  const zs = cells.map(() => new Array<number>(steps));
  const bins = cells.map(() => new Array<HotspotBin>(steps));
  const x = new Float64Array(cells.length);
  for (let b = 0; b < steps; b++) {
    cells.forEach((c, i) => (x[i] = cube[c][b]));
    const z = giStarZ(x, graph);
    const binOf = hotspotBins(z);
    cells.forEach((_, i) => {
      zs[i][b] = z[i];
      bins[i][b] = binOf[i] as HotspotBin;
    });
  }
  const out: Record<string, EmergingHotspot> = {};
  cells.forEach((c, i) => {
    const trend = mannKendall(zs[i]);
    out[c] = { ...emergingPattern(bins[i], trend), bins: bins[i], z: zs[i], trend };
  });
  return out;
}
