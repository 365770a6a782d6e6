import { describe, expect, it } from 'vitest';
import { cellToBigint } from '../../geo/h3.ts';
import { cellAt } from '../../geo/h3.ts';
import { greatCircleMetres } from '../../geo/distance.ts';
import { duplicateCandidateCells, nearestAvailable } from './proximity.ts';

// Around Hạc Thành ward, Thanh Hóa city; distances checked by hand to ~1 %.
const AT = { lat: 19.8075, lng: 105.7766 };
const UNITS = [
  { id: 'far', lat: 19.7352, lng: 105.9004, status: 'available', agency_id: 'roads' },
  { id: 'near-busy', lat: 19.8076, lng: 105.7767, status: 'en_route', agency_id: 'police' },
  { id: 'off', lat: 19.8075, lng: 105.7766, status: 'off_duty', agency_id: 'police' },
  { id: 'b-near', lat: 19.81, lng: 105.7766, status: 'available', agency_id: 'police' },
  { id: 'a-near', lat: 19.805, lng: 105.7766, status: 'available', agency_id: 'police' },
  { id: 'mid', lat: 19.8203, lng: 105.7798, status: 'available', agency_id: 'roads' },
  { id: 'nowhere', lat: null, lng: null, status: 'available', agency_id: 'roads' },
];

describe('nearestAvailable', () => {
  it('orders available, placed units by great-circle distance; ties by id', () => {
    const got = nearestAvailable(UNITS, AT, 3);
    expect(got.map((u) => u.id)).toEqual(['a-near', 'b-near', 'mid']);
    expect(got[0].distanceM).toBe(got[1].distanceM);
    expect(got[0].distanceM).toBeGreaterThan(270);
    expect(got[0].distanceM).toBeLessThan(285);
  });
  it("puts the responsible agency's units first, then the others by distance", () => {
    const units = UNITS;
    expect(nearestAvailable(units, AT, 4, 'roads').map((u) => u.id)).toEqual(['mid', 'far', 'a-near', 'b-near']);
    expect(nearestAvailable(units, AT, 4, null).map((u) => u.id)).toEqual(['a-near', 'b-near', 'mid', 'far']);
    expect(nearestAvailable(units, AT, 4, 'nobody').map((u) => u.id)).toEqual(['a-near', 'b-near', 'mid', 'far']);
  });
  it('a degree of latitude is ~111 km', () => {
    expect(greatCircleMetres({ lat: 0, lng: 0 }, { lat: 1, lng: 0 }) / 1000).toBeCloseTo(111.2, 1);
  });
});

describe('duplicateCandidateCells', () => {
  it('covers the res-10 cell and its ring at the stored resolution (7 x 49 cells)', () => {
    const stored = cellAt(AT.lat, AT.lng);
    const cells = duplicateCandidateCells(stored);
    expect(cells).toHaveLength(7 * 49);
    expect(cells).toContain(cellToBigint(stored).toString());
    // ~60 m away is a neighbour; ~1 km away is not.
    expect(cells).toContain(cellToBigint(cellAt(AT.lat + 0.0005, AT.lng)).toString());
    expect(cells).not.toContain(cellToBigint(cellAt(AT.lat + 0.01, AT.lng)).toString());
    expect(duplicateCandidateCells(cellToBigint(stored).toString())).toEqual(cells);
  });
});

describe('nearestAvailable by trade and agency', () => {
  const units = [
    { id: 'road-near', lat: 19.808, lng: 105.7766, status: 'available', agency_id: 'commune', trade: 'roads' },
    { id: 'bin-far', lat: 19.83, lng: 105.7766, status: 'available', agency_id: 'commune', trade: 'sanitation' },
    { id: 'bin-other', lat: 19.809, lng: 105.7766, status: 'available', agency_id: 'province', trade: 'sanitation' },
    { id: 'bin-busy', lat: 19.8075, lng: 105.7766, status: 'en_route', agency_id: 'commune', trade: 'sanitation' },
  ];
  it("never puts another trade's unit first when the routed trade has a free one", () => {
    const got = nearestAvailable(units, AT, 5, 'commune', 'sanitation');
    expect(got.map((u) => [u.id, u.matchesRouting])).toEqual([
      ['bin-far', true],
      ['bin-other', false],
      ['road-near', false],
    ]);
  });
  it('marks no unit as matching when the routed agency has none of the trade free', () => {
    const got = nearestAvailable(units, AT, 5, 'commune', 'power');
    expect(got.some((u) => u.matchesRouting)).toBe(false);
    expect(got[0].id).toBe('road-near');
  });
  it('matches on the agency alone for a category without a trade', () => {
    expect(nearestAvailable(units, AT, 5, 'province', null).map((u) => [u.id, u.matchesRouting])[0]).toEqual([
      'bin-other',
      true,
    ]);
  });
});
