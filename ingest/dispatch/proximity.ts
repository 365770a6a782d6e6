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
  trade?: string | null;
}

/**
 * How well a unit fits the routing: 0 = the routed agency's unit of the category's trade (the one **A** may
 * send), 1 = that trade in another agency, 2 = the routed agency in another trade, 3 = anyone else.
 * With no trade for the category, the agency alone decides; with no agency, the trade alone.
 */
export function routingFit(u: Placed, agencyId: string | null, trade: string | null): 0 | 1 | 2 | 3 {
  const sameAgency = agencyId === null || u.agency_id === agencyId;
  const sameTrade = trade === null || u.trade === trade;
  if (sameAgency && sameTrade) return agencyId === null && trade === null ? 3 : 0;
  if (sameTrade && trade !== null) return 1;
  return sameAgency && agencyId !== null ? 2 : 3;
}

/**
 * The `limit` nearest available units by straight-line distance, the best routing fit first (a pothole goes
 * to the road agency's road team before a passing police patrol); the others follow, marked, for when none
 * fits. A province has tens to a few hundred units, so a scan is exact and cheap; ties break by id so the
 * suggestion is stable.
 */
export function nearestAvailable<U extends Placed>(
  units: U[],
  at: { lat: number; lng: number },
  limit = 5,
  responsibleAgencyId: string | null = null,
  trade: string | null = null,
): (U & { distanceM: number; matchesRouting: boolean })[] {
  const fit = (u: U) => routingFit(u, responsibleAgencyId, trade);
  return units
    .filter((u): u is U & { lat: number; lng: number } => u.status === 'available' && u.lat !== null && u.lng !== null)
    .map((u) => ({ ...u, distanceM: Math.round(greatCircleMetres(at, u)), matchesRouting: fit(u) === 0 }))
    .sort((a, b) => fit(a) - fit(b) || a.distanceM - b.distanceM || a.id.localeCompare(b.id))
    .slice(0, limit);
}
