import { gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { emergingHotspots, emergingPattern, mannKendall, type Trend } from './emerging-hotspots.ts';
import type { HotspotBin } from './hotspots.ts';
import { seededRandom } from './test-support/seeded-random.ts';

const FLAT: Trend = { s: 0, z: 0, p: 1 };
const UP: Trend = { s: 40, z: 3, p: 0.0027 };
const DOWN: Trend = { s: -40, z: -3, p: 0.0027 };
const b = (...bins: number[]) => bins as HotspotBin[];

describe('mannKendall', () => {
  it('a strictly rising series of 5: S = 10, Var = 5*4*15/18, z = (S - 1)/sd', () => {
    const t = mannKendall([1, 2, 3, 4, 5]);
    expect(t.s).toBe(10);
    expect(t.z).toBeCloseTo(9 / Math.sqrt(100 / 6), 12);
    expect(t.p).toBeCloseTo(0.027486, 5);
  });

  it('ties shrink the variance: [1, 1, 2] has S = 2, Var = (66 - 18)/18', () => {
    const t = mannKendall([1, 1, 2]);
    expect(t.s).toBe(2);
    expect(t.z).toBeCloseTo(1 / Math.sqrt(48 / 18), 12);
  });

  it('a constant series has no trend', () => {
    expect(mannKendall([4, 4, 4, 4])).toEqual({ s: 0, z: 0, p: 1 });
  });
});

describe('emergingPattern on constructed series', () => {
  it.each([
    ['new', b(0, 0, 0, 0, 0, 0, 0, 0, 0, 2), FLAT, 'hot'],
    ['consecutive', b(0, 0, 0, 0, 0, 0, 0, 1, 2, 3), FLAT, 'hot'],
    ['intensifying', b(1, 1, 1, 2, 2, 2, 2, 3, 3, 3), UP, 'hot'],
    ['persistent', b(2, 2, 2, 2, 0, 2, 2, 2, 2, 2), FLAT, 'hot'],
    ['diminishing', b(3, 3, 3, 3, 2, 2, 2, 1, 1, 1), DOWN, 'hot'],
    ['sporadic', b(1, 0, 0, 2, 0, 0, 1, 0, 0, 2), FLAT, 'hot'],
    ['oscillating', b(-1, 0, 0, 2, 0, -2, 0, 0, 0, 1), FLAT, 'hot'],
    ['historical', b(2, 2, 2, 2, 2, 2, 2, 2, 2, 0), FLAT, 'hot'],
    ['new', b(0, 0, 0, 0, 0, 0, 0, 0, 0, -1), FLAT, 'cold'],
    ['intensifying', b(-1, -1, -1, -2, -2, -2, -2, -3, -3, -3), DOWN, 'cold'],
    ['oscillating', b(0, 1, 0, -1, 0, 0, 0, 0, 0, -1), FLAT, 'cold'],
  ])('%s: %j', (pattern, bins, trend, side) => {
    expect(emergingPattern(bins, trend)).toEqual({ pattern, side });
  });

  it('90 % means 9 of 10: 8 hot bins ending hot with a rising trend are not intensifying', () => {
    expect(emergingPattern(b(0, 0, 2, 2, 2, 2, 2, 2, 2, 2), UP).pattern).toBe('consecutive');
    expect(emergingPattern(b(0, 2, 2, 2, 2, 2, 2, 2, 2, 2), UP).pattern).toBe('intensifying');
  });

  it('nothing significant ever, or only long ago: no pattern', () => {
    expect(emergingPattern(b(0, 0, 0, 0), FLAT)).toEqual({ pattern: null, side: null });
    expect(emergingPattern(b(2, 2, 0, 0), FLAT)).toEqual({ pattern: null, side: null });
  });
});

describe('emergingHotspots on a constructed cube', () => {
  // 331 res-8 cells, 12 bins of background counts 0-2; one cluster appears in the last bin, another grows steadily.
  const cells = gridDisk(latLngToCell(19.8, 105.78, 8), 10);
  const random = seededRandom(3);
  const cube: Record<string, number[]> = Object.fromEntries(
    cells.map((c) => [c, Array.from({ length: 12 }, () => Math.floor(random() * 3))]),
  );
  const burst = cells[100];
  const growing = cells[250];
  for (const c of gridDisk(burst, 1)) cube[c][11] += 15;
  for (const c of gridDisk(growing, 1)) for (let t = 0; t < 12; t++) cube[c][t] += 6 + 2 * t;
  const result = emergingHotspots(cube, { k: 1 });

  it('the sudden cluster is a new hot spot, the steadily growing one intensifying', () => {
    expect(result[burst]).toMatchObject({ pattern: 'new', side: 'hot' });
    expect(result[burst].bins[11]).toBe(3);
    expect(result[growing]).toMatchObject({ pattern: 'intensifying', side: 'hot' });
    expect(result[growing].trend.z).toBeGreaterThan(0);
  });

  it('background cells far from both show no hot pattern', () => {
    const far = cells.filter((c) => !gridDisk(burst, 3).includes(c) && !gridDisk(growing, 3).includes(c));
    expect(far.filter((c) => result[c].side === 'hot' && result[c].pattern !== 'sporadic')).toEqual([]);
  });

  it('refuses series of different lengths', () => {
    expect(() => emergingHotspots({ ...cube, [cells[5]]: [1, 2] }, { k: 1 })).toThrow(/12 bins/);
  });
});
