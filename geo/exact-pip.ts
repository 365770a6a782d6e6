// Point-in-area that answers exactly as turf's booleanPointInPolygon (point-in-polygon-hao),
// but only visits the edges whose y-span holds the point: the others can never change hao's answer.
import { orient2d } from 'robust-predicates';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** One polygon part: its edges bucketed into horizontal bands (CSR layout, x1 y1 x2 y2 per edge). */
interface Part {
  minY: number;
  maxY: number;
  bandH: number;
  bands: number;
  start: Int32Array;
  edges: Float64Array;
}

export interface AreaPip {
  /** Same answer as booleanPointInPolygon([x, y], feature) with default options (border counts as inside). */
  contains(x: number, y: number): boolean;
}

const EDGES_PER_BAND = 4;
const MAX_BANDS = 4096;

export function partsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

export function compileArea(geometry: Polygon | MultiPolygon, bbox?: number[]): AreaPip {
  const parts = partsOf(geometry).map(compilePart);
  return {
    contains(x: number, y: number): boolean {
      // turf honours a bbox carried by the feature itself, so we do too.
      if (bbox && !(bbox[0] <= x && bbox[1] <= y && bbox[2] >= x && bbox[3] >= y)) return false;
      for (const part of parts) if (partContains(part, x, y)) return true;
      return false;
    },
  };
}

function bandOf(part: Part, y: number): number {
  const b = Math.floor((y - part.minY) / part.bandH);
  return b < 0 ? 0 : b >= part.bands ? part.bands - 1 : b;
}

function compilePart(rings: Position[][]): Part {
  let minY = Infinity;
  let maxY = -Infinity;
  let count = 0;
  for (const ring of rings) {
    count += Math.max(ring.length - 1, 0);
    for (const p of ring) {
      if (p[1] < minY) minY = p[1];
      if (p[1] > maxY) maxY = p[1];
    }
  }
  const bands = Math.max(1, Math.min(MAX_BANDS, Math.ceil(count / EDGES_PER_BAND)));
  const part: Part = {
    minY,
    maxY,
    bandH: (maxY - minY) / bands || 1,
    bands,
    start: new Int32Array(bands + 1),
    edges: new Float64Array(0),
  };
  const forEachEdge = (visit: (a: Position, b: Position, lo: number, hi: number) => void) => {
    for (const ring of rings) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = ring[i];
        const b = ring[i + 1];
        visit(a, b, bandOf(part, Math.min(a[1], b[1])), bandOf(part, Math.max(a[1], b[1])));
      }
    }
  };
  // Two passes (count, then fill) keep the CSR arrays exact in size.
  const counts = new Int32Array(bands + 1);
  forEachEdge((_a, _b, lo, hi) => {
    for (let k = lo; k <= hi; k++) counts[k + 1]++;
  });
  for (let k = 0; k < bands; k++) counts[k + 1] += counts[k];
  part.start = counts.slice();
  part.edges = new Float64Array(counts[bands] * 4);
  const fill = counts.slice();
  forEachEdge((a, b, lo, hi) => {
    for (let k = lo; k <= hi; k++) {
      const o = fill[k]++ * 4;
      part.edges[o] = a[0];
      part.edges[o + 1] = a[1];
      part.edges[o + 2] = b[0];
      part.edges[o + 3] = b[1];
    }
  });
  return part;
}

/** hao's loop body, verbatim in its arithmetic, over one band: 0 crossings outside the band matter. */
function partContains(part: Part, x: number, y: number): boolean {
  if (y < part.minY || y > part.maxY) return false;
  const band = bandOf(part, y);
  const e = part.edges;
  let k = 0;
  for (let i = part.start[band] * 4, end = part.start[band + 1] * 4; i < end; i += 4) {
    const u1 = e[i] - x;
    const v1 = e[i + 1] - y;
    const u2 = e[i + 2] - x;
    const v2 = e[i + 3] - y;
    if (v1 === 0 && v2 === 0) {
      if ((u2 <= 0 && u1 >= 0) || (u1 <= 0 && u2 >= 0)) return true;
    } else if ((v2 >= 0 && v1 <= 0) || (v2 <= 0 && v1 >= 0)) {
      const f = orient2d(u1, u2, v1, v2, 0, 0);
      if (f === 0) return true;
      if ((f > 0 && v2 > 0 && v1 <= 0) || (f < 0 && v2 <= 0 && v1 > 0)) k++;
    }
  }
  return k % 2 === 1;
}
