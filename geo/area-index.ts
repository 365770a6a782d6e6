// Point -> area in O(1) for most points: H3 cells that no area edge can reach map straight to their
// area; only cells near a border fall back to the exact (turf-identical) test of their few candidates.
import { cellToBoundary, cellToChildren, cellToLatLng, getResolution, latLngToCell, polygonToCells } from 'h3-js';
import { compileArea, type AreaPip } from './exact-pip.ts';
import { buildEdgeGrid } from './edge-grid.ts';
import { buildPartBoxes } from './part-boxes.ts';
import type { MultiPolygon, Polygon } from 'geojson';
import type { AreaCollection, AreaLookup, AreaProps } from './types.ts';

export interface AreaIndexOptions {
  /** Resolution of the lookup cells (chosen by bench/geo.ts: 9 keeps the map small and lookups fast). */
  res?: number;
}

export interface AreaIndexStats {
  res: number;
  areas: number;
  edges: number;
  /** Lookup cells that resolve to one area without any geometry test. */
  interiorCells: number;
  /** Lookup cells near an edge, answered by testing their candidate areas. */
  borderCells: number;
  buildMs: number;
}

export interface AreaIndex extends AreaLookup {
  /** Index of the area (in the collection's feature order) containing the point, or -1. */
  lookupIndex(lng: number, lat: number): number;
  stats(): AreaIndexStats;
}

export const DEFAULT_AREA_RES = 9;
/** Coarsest cells tried first: a whole res-5 cell (~250 km²) inside one commune is stored in one go. */
const START_RES = 5;
/** A cell's disk is 1.25x its circumradius: covers its descendants (<= 1.06x) and the lng/lat distortion. */
const DISK_FACTOR = 1.25;

export function buildAreaIndex(areas: AreaCollection, options: AreaIndexOptions = {}): AreaIndex {
  const t0 = performance.now();
  const res = options.res ?? DEFAULT_AREA_RES;
  const features = areas.features.filter((f) => f.geometry);
  const pips: AreaPip[] = features.map((f) => compileArea(f.geometry, f.bbox));
  // A feature's own bbox clips it in turf, so its sides are borders too.
  const grid = buildEdgeGrid(features.map((f) => (f.bbox ? withBoxEdges(f.geometry, f.bbox) : f.geometry)));
  const boxes = features.map((f) =>
    boxOf(f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates),
  );
  const containing = (x: number, y: number, all: boolean): number[] => {
    const hits: number[] = [];
    for (let i = 0; i < features.length; i++) {
      const b = boxes[i];
      if (x < b[0] || y < b[1] || x > b[2] || y > b[3] || !pips[i].contains(x, y)) continue;
      hits.push(i);
      if (!all) break;
    }
    return hits;
  };

  // Cell -> area index (>= 0), or -(k + 1) for the k-th list of candidates of a border cell.
  const cells = new Map<string, number>();
  const candidates: Int32Array[] = [];
  const interned = new Map<string, number>();
  let interiorCells = 0;
  const stack = startCells(boxes, Math.min(START_RES, res));
  while (stack.length) {
    const cell = stack.pop()!;
    const cellRes = getResolution(cell);
    const { x, y, r } = diskOf(cell);
    if (!grid.anyWithin(x, y, r)) {
      // No edge reaches the disk, so every point under this cell shares its centre's answer.
      const [area] = containing(x, y, false);
      if (area === undefined) continue;
      const fine = cellRes === res ? [cell] : cellToChildren(cell, res);
      for (const c of fine) cells.set(c, area);
      interiorCells += fine.length;
    } else if (cellRes < res) {
      stack.push(...cellToChildren(cell, cellRes + 1));
    } else {
      const near = new Set<number>(containing(x, y, true));
      grid.areasWithin(x, y, r, near);
      const list = Int32Array.from([...near].sort((a, b) => a - b));
      const key = list.join(',');
      let k = interned.get(key);
      if (k === undefined) {
        k = candidates.push(list) - 1;
        interned.set(key, k);
      }
      cells.set(cell, -(k + 1));
    }
  }

  const partBoxes = buildPartBoxes(features.map((f) => f.geometry));
  const lookupIndex = (lng: number, lat: number): number => {
    // Also rejects NaN and infinities: every comparison with them is false.
    if (!partBoxes.mayHold(lng, lat)) return -1;
    const v = cells.get(latLngToCell(lat, lng, res));
    if (v === undefined) return -1;
    if (v >= 0) return v;
    // First candidate in feature order wins, exactly as a scan over the collection would.
    for (const i of candidates[-v - 1]) if (pips[i].contains(lng, lat)) return i;
    return -1;
  };
  const stats: AreaIndexStats = {
    res,
    areas: features.length,
    edges: grid.edgeCount,
    interiorCells,
    borderCells: cells.size - interiorCells,
    buildMs: performance.now() - t0,
  };
  return {
    lookupIndex,
    lookup(lng: number, lat: number): AreaProps | null {
      const i = lookupIndex(lng, lat);
      return i < 0 ? null : features[i].properties;
    },
    stats: () => ({ ...stats }),
  };
}

/** Centre and a radius that holds the cell and all its descendants, in degrees (lng scaled by cos lat). */
function diskOf(cell: string): { x: number; y: number; r: number } {
  const [y, x] = cellToLatLng(cell);
  const k = Math.cos((y * Math.PI) / 180);
  let r2 = 0;
  for (const [lat, lng] of cellToBoundary(cell)) r2 = Math.max(r2, ((lng - x) * k) ** 2 + (lat - y) ** 2);
  return { x, y, r: Math.sqrt(r2) * DISK_FACTOR + 1e-9 };
}

function withBoxEdges(g: Polygon | MultiPolygon, [x0, y0, x1, y1]: number[]): MultiPolygon {
  const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return {
    type: 'MultiPolygon',
    coordinates: [
      ...parts,
      [
        [
          [x0, y0],
          [x1, y0],
          [x1, y1],
          [x0, y1],
          [x0, y0],
        ],
      ],
    ],
  };
}

function boxOf(parts: number[][][][]): number[] {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  for (const rings of parts)
    for (const ring of rings)
      for (const p of ring) {
        b[0] = Math.min(b[0], p[0]);
        b[1] = Math.min(b[1], p[1]);
        b[2] = Math.max(b[2], p[0]);
        b[3] = Math.max(b[3], p[1]);
      }
  return b;
}

/** Coarse cells whose descendants can reach any area: those over the areas' bbox widened by a margin. */
function startCells(boxes: number[][], startRes: number): string[] {
  if (boxes.length === 0) return [];
  const [x0, y0, x1, y1] = boxes.reduce((a, b) => [
    Math.min(a[0], b[0]),
    Math.min(a[1], b[1]),
    Math.max(a[2], b[2]),
    Math.max(a[3], b[3]),
  ]);
  const m = 0.5; // degrees: over twice a res-5 cell's diameter
  const ring = [
    [x0 - m, y0 - m],
    [x1 + m, y0 - m],
    [x1 + m, y1 + m],
    [x0 - m, y1 + m],
    [x0 - m, y0 - m],
  ];
  return polygonToCells(ring, startRes, true);
}
