// Public output never carries more than the coarse cell, and sensitive reports only as counts of at least k.
import { cellToLatLng, cellToParent, getResolution, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import {
  PUBLIC_RES,
  mayPublishReportRow,
  publicCellIdOf,
  publicCellOf,
  publicLocation,
  sensitiveBatchCutoff,
  sensitiveCounts,
} from './privacy.ts';

const HAC_THANH = { lat: 19.8075, lng: 105.7766 };
const SAM_SON = { lat: 19.7441, lng: 105.9046 };
/** Stored res-12 cells spread inside the res-7 cell around `at`: n distinct reports. */
function reportsNear(at: { lat: number; lng: number }, n: number): string[] {
  const parent = latLngToCell(at.lat, at.lng, 7);
  const out = gridDisk(latLngToCell(at.lat, at.lng, 12), 20).filter((c) => cellToParent(c, 7) === parent);
  if (out.length < n) throw new Error('fixture too small');
  return out.filter((_, i) => i % Math.floor(out.length / n) === 0).slice(0, n);
}

describe('publicLocation', () => {
  it.each([
    { what: 'default res 9', at: HAC_THANH, options: {}, res: 9 },
    { what: 'res 8 when asked', at: HAC_THANH, options: { publicRes: 8 }, res: 8 },
    { what: 'another place', at: SAM_SON, options: {}, res: 9 },
  ])('non-sensitive: centre of its cell at $what', ({ at, options, res }) => {
    const got = publicLocation(at, false, options)!;
    expect(getResolution(got.cell)).toBe(res);
    expect(got.cell).toBe(latLngToCell(at.lat, at.lng, res));
    expect([got.lat, got.lng]).toEqual(cellToLatLng(got.cell));
    expect(got.lat === at.lat && got.lng === at.lng).toBe(false);
  });

  it('every point of a cell publishes the same location (nothing of the exact point leaks)', () => {
    const cell = latLngToCell(HAC_THANH.lat, HAC_THANH.lng, 9);
    // Points on a ~20 m lattice around the cell, kept when they fall in it.
    const inside: { lat: number; lng: number }[] = [];
    for (let i = -15; i <= 15; i++)
      for (let j = -15; j <= 15; j++) {
        const p = { lat: HAC_THANH.lat + i * 2e-4, lng: HAC_THANH.lng + j * 2e-4 };
        if (latLngToCell(p.lat, p.lng, 9) === cell) inside.push(p);
      }
    const published = new Set(inside.map((p) => JSON.stringify(publicLocation(p, false))));
    expect(inside.length).toBeGreaterThan(10);
    expect(published.size).toBe(1);
  });

  it.each([{ options: {} }, { options: { publicRes: 15 } }, { options: { sensitiveRes: 3 } }])(
    'sensitive: no location at all with $options',
    ({ options }) => {
      expect(publicLocation(HAC_THANH, true, options)).toBeNull();
    },
  );

  it.each([
    { what: 'NaN latitude', at: { lat: Number.NaN, lng: 105 }, options: {} },
    { what: 'latitude 91', at: { lat: 91, lng: 105 }, options: {} },
    { what: 'res 16', at: HAC_THANH, options: { publicRes: 16 } },
    { what: 'fractional res', at: HAC_THANH, options: { publicRes: 8.5 } },
  ])('rejects $what', ({ at, options }) => {
    expect(() => publicLocation(at, false, options)).toThrow(RangeError);
  });
});

describe('sensitiveCounts', () => {
  const three = reportsNear(HAC_THANH, 3);
  const two = reportsNear(SAM_SON, 2);
  const cellOf = (at: { lat: number; lng: number }, res = 7) => latLngToCell(at.lat, at.lng, res);

  it.each([
    {
      what: 'a group of 3 is published, a pair is not',
      cells: [...three, ...two],
      options: {},
      want: [[cellOf(HAC_THANH), 3]],
    },
    {
      what: 'k = 2 publishes the pair too',
      cells: [...three, ...two],
      options: { k: 2 },
      want: [
        [cellOf(HAC_THANH), 3],
        [cellOf(SAM_SON), 2],
      ],
    },
    { what: 'k = 4 publishes nothing', cells: [...three, ...two], options: { k: 4 }, want: [] },
    {
      what: 'the same cell reported twice counts twice',
      cells: [two[0], two[0], two[1]],
      options: {},
      want: [[cellOf(SAM_SON), 3]],
    },
    {
      what: 'cells already at res 7 count as they are',
      cells: [cellOf(SAM_SON), cellOf(SAM_SON), two[0]],
      options: {},
      want: [[cellOf(SAM_SON), 3]],
    },
    {
      what: 'res 6 groups when asked',
      cells: [...three, ...two],
      options: { sensitiveRes: 6, k: 2 },
      want: [
        [cellOf(HAC_THANH, 6), 3],
        [cellOf(SAM_SON, 6), 2],
      ],
    },
    { what: 'no reports, no counts', cells: [], options: {}, want: [] },
  ])('$what', ({ cells, options, want }) => {
    const got = sensitiveCounts(cells, options);
    const byCell = (a: (string | number)[], b: (string | number)[]) => String(a[0]).localeCompare(String(b[0]));
    expect(got.map((g) => [g.cell, g.count]).sort(byCell)).toEqual([...want].sort(byCell));
    for (const g of got) expect([g.lat, g.lng]).toEqual(cellToLatLng(g.cell));
  });

  it('output is in a stable order whatever the input order', () => {
    const cells = [...three, ...reportsNear(SAM_SON, 3)];
    expect(sensitiveCounts([...cells].reverse())).toEqual(sensitiveCounts(cells));
  });

  it.each([
    { what: 'not a cell', cells: ['hello'], options: {} },
    { what: 'a cell coarser than res 7', cells: [cellOf(HAC_THANH, 5)], options: {} },
    { what: 'k = 0', cells: three, options: { k: 0 } },
  ])('rejects $what', ({ cells, options }) => {
    expect(() => sensitiveCounts(cells, options)).toThrow(RangeError);
  });
});

describe('publicCellOf', () => {
  it.each([
    [19.8075, 105.7766],
    [19.735, 105.903],
    [20.08, 105.86],
  ])('snaps the stored res-12 cell at (%f, %f) to its res-9 parent centre', (lat, lng) => {
    const stored = latLngToCell(lat, lng, 12);
    const loc = publicCellOf(stored, false)!;
    expect(loc.cell).toBe(cellToParent(stored, PUBLIC_RES));
    expect(getResolution(loc.cell)).toBe(9);
    const [cLat, cLng] = cellToLatLng(loc.cell);
    expect([loc.lat, loc.lng]).toEqual([cLat, cLng]);
  });

  it('gives a sensitive report no location and refuses a non-cell', () => {
    expect(publicCellOf(latLngToCell(19.8, 105.77, 12), true)).toBeNull();
    expect(() => publicCellOf('not-a-cell', false)).toThrow(/not an H3 cell/);
  });

  it('publicCellIdOf, used by live notices, names the same cell, by the same rule and options', () => {
    for (let i = 0; i < 200; i++) {
      const stored = latLngToCell(19.4 + (i % 20) * 0.05, 105.3 + Math.floor(i / 20) * 0.08, 12);
      expect(publicCellIdOf(stored, false)).toBe(publicCellOf(stored, false)!.cell);
      expect(publicCellIdOf(stored, false, { publicRes: 7 })).toBe(publicCellOf(stored, false, { publicRes: 7 })!.cell);
      expect(publicCellIdOf(stored, true)).toBeNull();
    }
    expect(() => publicCellIdOf('not-a-cell', false)).toThrow(/not an H3 cell/);
    expect(() => publicCellIdOf(latLngToCell(19.8, 105.77, 12), false, { publicRes: 16 })).toThrow(RangeError);
  });
});

describe('sensitive batches', () => {
  const day = (d: string) => new Date(`${d}T00:00:00Z`);
  it.each([
    { days: [], cutoff: null },
    { days: [{ day: day('2026-01-01'), n: 2 }], cutoff: null },
    { days: [{ day: day('2026-01-01'), n: 3 }], cutoff: '2026-01-02' },
    // A day of one report waits for company: it is published with the next days that bring k.
    {
      days: [
        { day: day('2026-01-01'), n: 5 },
        { day: day('2026-01-02'), n: 1 },
      ],
      cutoff: '2026-01-02',
    },
    {
      days: [
        { day: day('2026-01-01'), n: 5 },
        { day: day('2026-01-02'), n: 1 },
        { day: day('2026-01-04'), n: 2 },
      ],
      cutoff: '2026-01-05',
    },
  ])('closes a batch only once it holds k = 3 reports: $cutoff', ({ days, cutoff }) => {
    expect(sensitiveBatchCutoff(days, 3)?.toISOString().slice(0, 10) ?? null).toBe(cutoff);
  });

  it('no public row for a sensitive report, one for the others', () => {
    expect([mayPublishReportRow(true), mayPublishReportRow(false)]).toEqual([false, true]);
  });
});
