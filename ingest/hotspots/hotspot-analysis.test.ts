// What the monitor works out per run: a set of categories hot together gets one summed series and one Gi*, however
// many cells share it, and that answer equals working it out directly.
import { gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { HotspotGrid, type BinStats } from '../../geo/hotspot-grid.ts';
import { categorySetStats, sumBins, type Cube } from './hotspot-analysis.ts';

class CountingGrid extends HotspotGrid {
  computed = 0;
  override binStats(x: Float64Array): BinStats {
    this.computed++;
    return super.binStats(x);
  }
}

describe('categorySetStats', () => {
  const cells = gridDisk(latLngToCell(19.8, 105.78, 8), 3);
  const grid = new CountingGrid(cells, 1);
  const series = (seed: number) =>
    Array.from({ length: 3 }, (_, b) => Float64Array.from(cells, (_, i) => ((i * 7 + b * 3 + seed) % 5 === 0 ? 2 : 0)));
  const cube: Cube = new Map([
    ['flooding', series(1)],
    ['road', series(2)],
    ['rubbish', series(3)],
  ]);

  it('sums the set over its bins and categories, and its Gi* is that of the sum', () => {
    const { all, stats } = categorySetStats(grid, cube)(['flooding', 'road']);
    const expected = sumBins(
      [sumBins(cube.get('flooding')!, cells.length), sumBins(cube.get('road')!, cells.length)],
      cells.length,
    );
    expect([...all]).toEqual([...expected]);
    expect(all.some((n) => n > 0)).toBe(true);
    expect([...stats.z]).toEqual([...new HotspotGrid(cells, 1).binStats(expected).z]);
  });

  it('works each set out once, however many cells ask for it', () => {
    grid.computed = 0;
    const of = categorySetStats(grid, cube);
    const first = of(['flooding', 'road']);
    for (let i = 0; i < 50; i++) expect(of(['flooding', 'road'])).toBe(first);
    of(['road', 'rubbish']);
    expect(grid.computed).toBe(2);
  });
});
