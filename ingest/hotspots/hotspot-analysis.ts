// Hot spots of a window (24 h in hours, 7 d in days) over the province's cells at res 7–9: what
// GET /api/v1/hotspots answers and the monitor watches. The study area is every cell of the province at
// that resolution (zeros included); reports outside it (at sea, beyond the border) are not counted.
import type { MultiPolygon, Polygon } from 'geojson';
import { cellCentre } from '../../geo/h3.ts';
import { HotspotGrid, studyAreaCells, type BinStats, type HotspotCell } from '../../geo/hotspot-grid.ts';
import type { AreaLookup } from '../../geo/types.ts';
import type { Db } from '../../sql/db.ts';
import { reportCube } from '../../sql/queries/hotspot-counts.ts';

export type HotspotWindow = '24h' | '7d';
export const WINDOWS: Record<HotspotWindow, { bins: number; binSeconds: number }> = {
  '24h': { bins: 24, binSeconds: 3600 },
  '7d': { bins: 7, binSeconds: 86_400 },
};
/** Gi* neighbourhood: the cell and its ring (k = 1). */
export const HOTSPOT_K = 1;
/** Confidence at which a category counts as a hot spot for notices and co-occurrence. */
export const NOTICE_CONFIDENCE = 95;

/** Per category, the counts of each bin over the grid's cells (oldest bin first). */
export type Cube = Map<string, Float64Array[]>;

/** Study-area grids per resolution, built on first use (res 9 is ~150,000 cells for Thanh Hóa). */
export class HotspotGrids {
  private readonly grids = new Map<number, HotspotGrid>();
  constructor(private readonly province: (Polygon | MultiPolygon)[]) {}
  at(res: number): HotspotGrid {
    let grid = this.grids.get(res);
    if (!grid) this.grids.set(res, (grid = new HotspotGrid(studyAreaCells(this.province, res), HOTSPOT_K)));
    return grid;
  }
}

/** The end of the current hour: windows end there, so bins are whole clock hours and the last one is "now". */
export function windowEnd(now: Date): Date {
  const end = new Date(now);
  end.setUTCMinutes(0, 0, 0);
  return new Date(end.getTime() + 3_600_000);
}

export async function loadCube(
  db: Db,
  grid: HotspotGrid,
  q: { res: number; window: HotspotWindow; now: Date; category?: string | null },
): Promise<Cube> {
  const { bins, binSeconds } = WINDOWS[q.window];
  const rows = await reportCube(db, { res: q.res, end: windowEnd(q.now), bins, binSeconds, category: q.category });
  const cube: Cube = new Map();
  for (const r of rows) {
    const i = grid.indexOf(r.cell);
    if (i === undefined || r.bin < 0 || r.bin >= bins) continue;
    let series = cube.get(r.category);
    if (!series)
      cube.set(r.category, (series = Array.from({ length: bins }, () => new Float64Array(grid.cells.length))));
    series[r.bin][i] += r.n;
  }
  return cube;
}

export function sumBins(series: readonly Float64Array[], size: number): Float64Array {
  const total = new Float64Array(size);
  for (const bin of series) for (let i = 0; i < size; i++) total[i] += bin[i];
  return total;
}

/** All categories together: the element-wise sum of every category's bins. */
export function allCategories(cube: Cube, bins: number, size: number): Float64Array[] {
  return Array.from({ length: bins }, (_, b) =>
    sumBins(
      [...cube.values()].map((s) => s[b]),
      size,
    ),
  );
}

export interface Cooccurrence {
  cell: string;
  categories: string[];
}

/** Cells where two or more categories are hot spots at >= 95 % over the window's total. */
export function cooccurrences(grid: HotspotGrid, cube: Cube): Cooccurrence[] {
  const hot = new Map<number, string[]>();
  for (const [category, series] of cube) {
    const stats = grid.binStats(sumBins(series, grid.cells.length));
    for (let i = 0; i < grid.cells.length; i++) if (stats.bins[i] >= 2) hot.set(i, [...(hot.get(i) ?? []), category]);
  }
  return [...hot]
    .filter(([, categories]) => categories.length >= 2)
    .map(([i, categories]) => ({ cell: grid.cells[i], categories: categories.sort() }));
}

/** The summed series of a set of categories and its Gi*, worked out once per set: a storm makes hundreds of cells
 * hot for the same categories together. */
export function categorySetStats(grid: HotspotGrid, cube: Cube) {
  const known = new Map<string, { all: Float64Array; stats: BinStats }>();
  return (categories: string[]): { all: Float64Array; stats: BinStats } => {
    const key = categories.join('|');
    let hit = known.get(key);
    if (!hit) {
      const size = grid.cells.length;
      const all = sumBins(
        categories.map((k) => sumBins(cube.get(k) ?? [], size)),
        size,
      );
      known.set(key, (hit = { all, stats: grid.binStats(all) }));
    }
    return hit;
  };
}

export interface HotspotAnswer {
  window: HotspotWindow;
  res: number;
  k: number;
  category: string | null;
  from: string;
  to: string;
  cells: (HotspotCell & { area: { code: string; name: string } | null })[];
  cooccurrence: (Cooccurrence & { area: { code: string; name: string } | null })[];
}

export function areaOfCell(areas: AreaLookup, cell: string): { code: string; name: string } | null {
  const { lat, lng } = cellCentre(cell);
  const a = areas.lookup(lng, lat);
  return a ? { code: a.code, name: a.fullName } : null;
}

/** The answer of GET /api/v1/hotspots: significant cells of the window (one category or all) and co-occurrences. */
export async function computeHotspots(
  db: Db,
  grids: HotspotGrids,
  areas: AreaLookup,
  q: { window: HotspotWindow; res: number; category: string | null; now: Date },
): Promise<HotspotAnswer> {
  const grid = grids.at(q.res);
  const { bins, binSeconds } = WINDOWS[q.window];
  const cube = await loadCube(db, grid, { res: q.res, window: q.window, now: q.now });
  const size = grid.cells.length;
  const series = q.category
    ? (cube.get(q.category) ?? Array.from({ length: bins }, () => new Float64Array(size)))
    : allCategories(cube, bins, size);
  const perBin: BinStats[] = series.map((x) => grid.binStats(x));
  const end = windowEnd(q.now);
  return {
    window: q.window,
    res: q.res,
    k: HOTSPOT_K,
    category: q.category,
    from: new Date(end.getTime() - bins * binSeconds * 1000).toISOString(),
    to: end.toISOString(),
    cells: grid.significant(sumBins(series, size), perBin).map((c) => ({ ...c, area: areaOfCell(areas, c.cell) })),
    cooccurrence: cooccurrences(grid, cube).map((c) => ({ ...c, area: areaOfCell(areas, c.cell) })),
  };
}
