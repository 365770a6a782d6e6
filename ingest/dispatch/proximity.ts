// Nearby search for dispatch: H3 rings for duplicate candidates, great-circle distance for the nearest units.
import { cellToChildren, cellToParent, getResolution, gridDisk } from 'h3-js';
import { bigintToCell, cellToBigint } from '../../geo/h3.ts';

/** Duplicates are looked for in the report's res-10 cell (~0.015 km², ~65 m edge) and its ring of neighbours. */
export const DUPLICATE_RES = 10;

/** Every stored (res `storedRes`) cell inside the `k`-ring of `cell`'s parent at `res`, as the bigints the table holds. */
export function nearbyStoredCells(storedCell: string | bigint, res = DUPLICATE_RES, k = 1): string[] {
  const cell = typeof storedCell === 'string' && !/^\d+$/.test(storedCell) ? storedCell : bigintToCell(storedCell);
  const storedRes = getResolution(cell);
  const parent = storedRes <= res ? cell : cellToParent(cell, res);
  return gridDisk(parent, k)
    .flatMap((c) => cellToChildren(c, storedRes))
    .map((c) => cellToBigint(c).toString());
}

const EARTH_RADIUS_M = 6_371_008.8;

export function greatCircleMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface Placed {
  id: string;
  lat: number | null;
  lng: number | null;
  status: string;
  agency_id: string;
}

/**
 * The `limit` nearest available units by straight-line distance, the responsible agency's own units first
 * (a pothole goes to a road team before a passing police patrol); other agencies' units follow, for when
 * the agency has none free. A province has tens to a few hundred units, so a scan is exact and cheap;
 * ties break by id so the suggestion is stable.
 */
export function nearestAvailable<U extends Placed>(
  units: U[],
  at: { lat: number; lng: number },
  limit = 5,
  responsibleAgencyId: string | null = null,
): (U & { distanceM: number })[] {
  const foreign = (u: U) => (responsibleAgencyId !== null && u.agency_id !== responsibleAgencyId ? 1 : 0);
  return units
    .filter((u): u is U & { lat: number; lng: number } => u.status === 'available' && u.lat !== null && u.lng !== null)
    .map((u) => ({ ...u, distanceM: Math.round(greatCircleMetres(at, u)) }))
    .sort((a, b) => foreign(a) - foreign(b) || a.distanceM - b.distanceM || a.id.localeCompare(b.id))
    .slice(0, limit);
}
