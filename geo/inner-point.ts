// A label or pin point for an area: always inside the polygon, unlike a centroid (a crescent's centroid is not).
import { pointOnFeature } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

export function innerPoint(area: Feature<Polygon | MultiPolygon>): { lat: number; lng: number } {
  const [lng, lat] = pointOnFeature(area).geometry.coordinates;
  return { lat, lng };
}
