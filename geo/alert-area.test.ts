import { cellToParent, getResolution, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import {
  COVER_MIN_RES,
  COVER_RES,
  circlePolygon,
  coverArea,
  coverAt,
  coverContains,
  intersects,
} from './alert-area.ts';

describe('alert area cover', () => {
  const circle = circlePolygon(19.8, 105.78, 2000);
  const cells = coverArea([circle])!;

  it('covers a 2 km circle with compact res 7-9 cells, containing its centre and not a point 5 km away', () => {
    const resolutions = new Set(cells.map(getResolution));
    expect([...resolutions].every((r) => r >= COVER_MIN_RES && r <= COVER_RES)).toBe(true);
    expect(resolutions.has(COVER_RES)).toBe(true); // the edge stays fine
    const cover = new Set(cells);
    expect(coverContains(cover, 19.8, 105.78)).toBe(true);
    expect(coverContains(cover, 19.8 + 1.9 / 111, 105.78)).toBe(true);
    expect(coverContains(cover, 19.8 + 5 / 111, 105.78)).toBe(false);
  });

  it('never compacts coarser than res 7, and splits nothing finer than asked', () => {
    const big = coverArea([circlePolygon(19.8, 105.78, 20_000)])!;
    expect(Math.min(...big.map(getResolution))).toBe(COVER_MIN_RES);
    expect(big.length).toBeLessThan(5000);
  });

  it('refuses an area larger than the limit', () => {
    expect(coverArea([circlePolygon(19.8, 105.78, 100_000)])).toBeNull();
  });

  it('intersects at a coarser resolution through parents', () => {
    const at5 = coverAt(cells, 5);
    expect(at5.has(cellToParent(latLngToCell(19.8, 105.78, 9), 5))).toBe(true);
    expect(intersects(at5, new Set([latLngToCell(21.0, 105.8, 5)]))).toBe(false);
    expect(intersects(coverAt(cells, 7), new Set([latLngToCell(19.8, 105.78, 7)]))).toBe(true);
  });
});
