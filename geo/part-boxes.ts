// A coarse raster of where any polygon part's bbox lies: points elsewhere (open sea) skip H3 entirely.
// Exact: a point strictly outside a part's bbox is outside the part under turf's rule (no edge can count).
import type { MultiPolygon, Polygon } from 'geojson';
import { partsOf } from './exact-pip.ts';

export interface PartBoxes {
  /** False only when no part's bbox can hold the point. */
  mayHold(x: number, y: number): boolean;
}

const SIDE = 512;

export function buildPartBoxes(geometries: Array<Polygon | MultiPolygon>): PartBoxes {
  const boxes: number[][] = [];
  for (const g of geometries) {
    for (const rings of partsOf(g)) {
      const b = [Infinity, Infinity, -Infinity, -Infinity];
      for (const ring of rings)
        for (const p of ring) {
          b[0] = Math.min(b[0], p[0]);
          b[1] = Math.min(b[1], p[1]);
          b[2] = Math.max(b[2], p[0]);
          b[3] = Math.max(b[3], p[1]);
        }
      if (b[0] <= b[2]) boxes.push(b);
    }
  }
  if (boxes.length === 0) return { mayHold: () => false };
  const x0 = Math.min(...boxes.map((b) => b[0])),
    y0 = Math.min(...boxes.map((b) => b[1]));
  const x1 = Math.max(...boxes.map((b) => b[2])),
    y1 = Math.max(...boxes.map((b) => b[3]));
  const sx = (x1 - x0) / SIDE || 1,
    sy = (y1 - y0) / SIDE || 1;
  const col = (x: number) => Math.min(SIDE - 1, Math.floor((x - x0) / sx));
  const row = (y: number) => Math.min(SIDE - 1, Math.floor((y - y0) / sy));
  const marked = new Uint8Array(SIDE * SIDE);
  // A box marks every square it touches, so the same col/row of a point inside it is always marked.
  for (const b of boxes) {
    for (let r = row(b[1]); r <= row(b[3]); r++) for (let c = col(b[0]); c <= col(b[2]); c++) marked[r * SIDE + c] = 1;
  }
  return {
    mayHold: (x, y) => x >= x0 && y >= y0 && x <= x1 && y <= y1 && marked[row(y) * SIDE + col(x)] === 1,
  };
}
