// A duplicate candidate as the desk sees it: where it is and how far from the report it may repeat.
import { greatCircleMetres } from '../../geo/distance.ts';
import type { DuplicateCandidateRow } from '../../sql/queries/incidents.ts';
import type { DuplicateDTO } from './dto.ts';

export function presentDuplicate(r: DuplicateCandidateRow, of: { lat: number; lng: number }): DuplicateDTO {
  return {
    id: r.id,
    code: r.tracking_code,
    category: r.category,
    status: r.status,
    description: r.description,
    lat: r.lat,
    lng: r.lng,
    createdAt: r.created_at.toISOString(),
    incidentId: r.incident_id,
    distanceM: Math.round(greatCircleMetres(of, r)),
  };
}
