// An alert's area as H3 cells: a compact cover at res 7–9 that rooms, screens and subscriptions intersect.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import {
  POLYGON_TO_CELLS_FLAGS,
  cellToChildren,
  cellToParent,
  compactCells,
  getResolution,
  latLngToCell,
  polygonToCellsExperimental,
} from 'h3-js';

/** Finest cells of the cover (~0.1 km²): a border street is in or out, not a whole town. */
export const COVER_RES = 9;
/** Coarsest cells a compact cover keeps: anything coarser is split back to this. */
export const COVER_MIN_RES = 7;
/** An area larger than this many finest cells (~5,000 km²) is refused: a province-wide alert picks its communes. */
export const MAX_COVER_CELLS = 50_000;

export type AreaGeometry = Polygon | MultiPolygon;

/** A circle as a GeoJSON polygon of `sides` vertices, on a local flat approximation (fine below ~100 km). */
export function circlePolygon(lat: number, lng: number, radiusM: number, sides = 48): Polygon {
  const ring: Position[] = [];
  const dLat = radiusM / 111_320;
  const dLng = radiusM / (111_320 * Math.cos((lat * Math.PI) / 180));
  for (let i = 0; i < sides; i++) {
    const a = (2 * Math.PI * i) / sides;
    ring.push([round6(lng + dLng * Math.cos(a)), round6(lat + dLat * Math.sin(a))]);
  }
  ring.push(ring[0]);
  return { type: 'Polygon', coordinates: [ring] };
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * Every res-9 cell the geometries touch (overlapping, not centre-in: a household on the edge is warned),
 * compacted, with nothing coarser than res 7. Null when the area is larger than MAX_COVER_CELLS.
 */
export function coverArea(geometries: AreaGeometry[]): string[] | null {
  const fine = new Set<string>();
  for (const g of geometries) {
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const rings of polygons) {
      // h3-js takes [lat, lng] unless told GeoJSON order.
      const cells = polygonToCellsExperimental(rings, COVER_RES, POLYGON_TO_CELLS_FLAGS.containmentOverlapping, true);
      for (const c of cells) fine.add(c);
      // A sliver smaller than a cell still gets the cells of its vertices.
      if (cells.length === 0) for (const [lng, lat] of rings[0]) fine.add(latLngToCell(lat, lng, COVER_RES));
      if (fine.size > MAX_COVER_CELLS) return null;
    }
  }
  return compactCells([...fine])
    .flatMap((c) => (getResolution(c) < COVER_MIN_RES ? cellToChildren(c, COVER_MIN_RES) : [c]))
    .sort();
}

/** The cover's cells at `res` (parents of finer cells; coarser ones split): for intersecting with other covers. */
export function coverAt(cells: readonly string[], res: number): Set<string> {
  const out = new Set<string>();
  for (const c of cells) {
    const r = getResolution(c);
    if (r >= res) out.add(r === res ? c : cellToParent(c, res));
    else for (const child of cellToChildren(c, res)) out.add(child);
  }
  return out;
}

/** Whether two cell sets share a cell. */
export function intersects(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const c of small) if (large.has(c)) return true;
  return false;
}

/** Whether a point lies in the cover (its res-9 cell or one of that cell's parents is in it). */
export function coverContains(cover: ReadonlySet<string>, lat: number, lng: number): boolean {
  const cell = latLngToCell(lat, lng, COVER_RES);
  for (let r = COVER_RES; r >= COVER_MIN_RES; r--) if (cover.has(cellToParent(cell, r))) return true;
  return false;
}

/** [west, south, east, north] of the geometries, for maps and a cheap viewport test. */
export function boundsOf(geometries: AreaGeometry[]): [number, number, number, number] {
  let [w, s, e, n] = [180, 90, -180, -90];
  for (const g of geometries) {
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const rings of polygons)
      for (const [lng, lat] of rings[0]) {
        w = Math.min(w, lng);
        e = Math.max(e, lng);
        s = Math.min(s, lat);
        n = Math.max(n, lat);
      }
  }
  return [round6(w), round6(s), round6(e), round6(n)];
}
