// Nearby search for dispatch: H3 rings for duplicate candidates, great-circle distance for the nearest units.
import { greatCircleMetres } from '../../geo/distance.ts';
import { nearbyStoredCells } from '../../geo/h3.ts';

/** Duplicates are looked for in the report's res-10 cell (~0.015 km², ~65 m edge) and its ring of neighbours. */
export const DUPLICATE_RES = 10;

/** Stored cells that may hold a duplicate of a report in `storedCell`: its res-10 cell and the ring around it. */
export const duplicateCandidateCells = (storedCell: string | bigint): string[] =>
  nearbyStoredCells(storedCell, DUPLICATE_RES, 1);

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
