// Every boundary edge of an area set in a uniform lng/lat grid, to ask "does any edge come near this disk?".
import type { MultiPolygon, Polygon } from 'geojson';
import { partsOf } from './exact-pip.ts';

export interface EdgeGrid {
  /** True when some edge comes within r (degrees of latitude; longitude scaled by cos(cy)) of (cx, cy). */
  anyWithin(cx: number, cy: number, r: number): boolean;
  /** Adds to `out` the index of every area with an edge within r of (cx, cy). */
  areasWithin(cx: number, cy: number, r: number, out: Set<number>): void;
  edgeCount: number;
}

const TARGET_EDGES_PER_BUCKET = 8;

export function buildEdgeGrid(geometries: Array<Polygon | MultiPolygon>): EdgeGrid {
  const xy: number[] = [];
  const owner: number[] = [];
  geometries.forEach((g, area) => {
    for (const rings of partsOf(g)) {
      for (const ring of rings) {
        for (let i = 0; i + 1 < ring.length; i++) {
          xy.push(ring[i][0], ring[i][1], ring[i + 1][0], ring[i + 1][1]);
          owner.push(area);
        }
      }
    }
  });
  const n = owner.length;
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (let i = 0; i < xy.length; i += 2) {
    x0 = Math.min(x0, xy[i]);
    x1 = Math.max(x1, xy[i]);
    y0 = Math.min(y0, xy[i + 1]);
    y1 = Math.max(y1, xy[i + 1]);
  }
  // Square buckets sized so that an average bucket holds a handful of edges.
  const size = Math.max(Math.sqrt(((x1 - x0) * (y1 - y0) * TARGET_EDGES_PER_BUCKET) / Math.max(n, 1)), 1e-6);
  const nx = Math.max(1, Math.ceil((x1 - x0) / size) + 1);
  const ny = Math.max(1, Math.ceil((y1 - y0) / size) + 1);
  const col = (x: number) => Math.min(nx - 1, Math.max(0, Math.floor((x - x0) / size)));
  const row = (y: number) => Math.min(ny - 1, Math.max(0, Math.floor((y - y0) / size)));
  const eachBucket = (e: number, visit: (bucket: number) => void) => {
    const o = e * 4;
    const c0 = col(Math.min(xy[o], xy[o + 2])),
      c1 = col(Math.max(xy[o], xy[o + 2]));
    const r0 = row(Math.min(xy[o + 1], xy[o + 3])),
      r1 = row(Math.max(xy[o + 1], xy[o + 3]));
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) visit(r * nx + c);
  };
  const start = new Int32Array(nx * ny + 1);
  for (let e = 0; e < n; e++) eachBucket(e, (b) => start[b + 1]++);
  for (let b = 0; b < nx * ny; b++) start[b + 1] += start[b];
  const ids = new Int32Array(start[nx * ny]);
  const fill = start.slice();
  for (let e = 0; e < n; e++)
    eachBucket(e, (b) => {
      ids[fill[b]++] = e;
    });
  const coords = Float64Array.from(xy);
  const areaOf = Int32Array.from(owner);

  // Visits edges near the disk until `visit` returns true; says whether it stopped early.
  const scan = (cx: number, cy: number, r: number, visit: (e: number) => boolean): boolean => {
    const k = Math.cos((cy * Math.PI) / 180);
    const rx = r / k;
    if (cx + rx < x0 || cx - rx > x1 || cy + r < y0 || cy - r > y1) return false;
    const r2 = r * r;
    for (let row_ = row(cy - r), rEnd = row(cy + r); row_ <= rEnd; row_++) {
      for (let c = col(cx - rx), cEnd = col(cx + rx); c <= cEnd; c++) {
        const b = row_ * nx + c;
        for (let i = start[b]; i < start[b + 1]; i++) {
          const e = ids[i];
          if (segmentDist2(coords, e * 4, cx, cy, k) <= r2 && visit(e)) return true;
        }
      }
    }
    return false;
  };
  return {
    edgeCount: n,
    anyWithin: (cx, cy, r) => scan(cx, cy, r, () => true),
    areasWithin: (cx, cy, r, out) => {
      scan(cx, cy, r, (e) => {
        out.add(areaOf[e]);
        return false;
      });
    },
  };
}

/** Squared distance from (cx, cy) to the edge at coords[o..o+3], with longitudes scaled by k. */
function segmentDist2(coords: Float64Array, o: number, cx: number, cy: number, k: number): number {
  const ax = (coords[o] - cx) * k,
    ay = coords[o + 1] - cy;
  const dx = (coords[o + 2] - cx) * k - ax,
    dy = coords[o + 3] - cy - ay;
  const dd = dx * dx + dy * dy;
  let t = dd > 0 ? -(ax * dx + ay * dy) / dd : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const px = ax + t * dx,
    py = ay + t * dy;
  return px * px + py * py;
}
