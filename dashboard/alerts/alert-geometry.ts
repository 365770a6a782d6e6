// Light alert tests for the citizen pages (no geometry library in their chunks): in force, and at a point.
import type { AlertDTO } from '../../ingest/presenters/dto.ts';

/** Alerts still in force at `now` (a screen drops an expired one itself, even before the feed says so). */
export const stillActive = (alerts: AlertDTO[], now: number): AlertDTO[] =>
  alerts.filter((a) => Date.parse(a.expires) > now);

/** Ray casting on one ring of [lng, lat] positions. */
function inRing(ring: number[][], lng: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether the point lies in the alert's area (inside an outer ring and outside its holes). */
export function alertAtPoint(alert: Pick<AlertDTO, 'bounds' | 'geometry'>, lat: number, lng: number): boolean {
  const [w, s, e, n] = alert.bounds;
  if (lng < w || lng > e || lat < s || lat > n) return false;
  return alert.geometry.coordinates.some(
    ([outer, ...holes]) => inRing(outer, lng, lat) && !holes.some((h) => inRing(h, lng, lat)),
  );
}
