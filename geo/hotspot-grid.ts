// A fixed study area (every cell of the province at one resolution) and what the server asks of it: Gi* of a
// window's total with FDR bins, and each significant cell's emerging pattern over the window's time bins.
import type { MultiPolygon, Polygon } from 'geojson';
import { polygonToCells } from 'h3-js';
import { diskGraph, type DiskGraph } from './cell-disks.ts';
import { emergingPattern, mannKendall, type EmergingPattern } from './emerging-hotspots.ts';
import { giStarZ, hotspotBins } from './hotspots.ts';
import { twoSidedP } from './normal-tail.ts';

export interface BinStats {
  z: Float64Array;
  bins: Int8Array;
}

export interface HotspotCell {
  cell: string;
  /** Reports in the window. */
  count: number;
  z: number;
  p: number;
  confidence: 90 | 95 | 99;
  side: 'hot' | 'cold';
  /** Emerging pattern over the window's bins (hours of 24 h, days of 7 d); null: none detected. */
  pattern: EmergingPattern | null;
}

const CONFIDENCE = [0, 90, 95, 99] as const;

/** Every cell at `res` whose centre lies in the areas (the province): the study area of the live analysis. */
export function studyAreaCells(geometries: (Polygon | MultiPolygon)[], res: number): string[] {
  const cells = new Set<string>();
  for (const g of geometries)
    for (const rings of g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
      for (const c of polygonToCells(rings, res, true)) cells.add(c);
  return [...cells].sort();
}

export class HotspotGrid {
  readonly graph: DiskGraph;
  private readonly index: Map<string, number>;

  constructor(
    readonly cells: readonly string[],
    readonly k = 1,
  ) {
    this.graph = diskGraph(cells, k);
    this.index = new Map(cells.map((c, i) => [c, i]));
  }

  indexOf(cell: string): number | undefined {
    return this.index.get(cell);
  }

  binStats(x: Float64Array): BinStats {
    const z = giStarZ(x, this.graph);
    return { z, bins: hotspotBins(z) };
  }

  /** Cells significant (>= 90 %, FDR) on `total`, each with its pattern over `perBin` (oldest first). */
  significant(total: Float64Array, perBin: readonly BinStats[]): HotspotCell[] {
    const { z, bins } = this.binStats(total);
    const out: HotspotCell[] = [];
    for (let i = 0; i < this.cells.length; i++) {
      if (bins[i] === 0) continue;
      out.push({
        cell: this.cells[i],
        count: total[i],
        z: z[i],
        p: twoSidedP(z[i]),
        confidence: CONFIDENCE[Math.abs(bins[i])] as 90 | 95 | 99,
        side: bins[i] > 0 ? 'hot' : 'cold',
        pattern: this.patternOf(i, perBin).pattern,
      });
    }
    return out.sort((a, b) => b.z - a.z);
  }

  /** Cell `i`'s emerging pattern over the bins (see geo/emerging-hotspots.ts). */
  patternOf(i: number, perBin: readonly BinStats[]): ReturnType<typeof emergingPattern> {
    const series = perBin.map((b) => b.bins[i] as -3 | -2 | -1 | 0 | 1 | 2 | 3);
    return emergingPattern(series, mannKendall(perBin.map((b) => b.z[i])));
  }
}
