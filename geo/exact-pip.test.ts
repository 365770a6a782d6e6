// Holes, islands, overlaps, borders and a feature bbox: the index and its exact test must match turf.
import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { buildAreaIndex } from './area-index.ts';
import { compileArea } from './exact-pip.ts';
import type { BBox } from 'geojson';
import type { AreaCollection, AreaFeature } from './types.ts';

const box = (x0: number, y0: number, x1: number, y1: number) => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const area = (code: string, geometry: AreaFeature['geometry'], bbox?: BBox): AreaFeature => ({
  type: 'Feature',
  bbox,
  geometry,
  properties: { code, name: code, fullName: code },
});

// Around Hòn Mê (19.37 N, 105.93 E) so cells are realistic; sizes ~1-10 km.
const fixtures: Record<string, AreaFeature[]> = {
  'square with a hole, and an island inside the hole': [
    area('ring', { type: 'Polygon', coordinates: [box(105.8, 19.3, 105.9, 19.4), box(105.83, 19.33, 105.87, 19.37)] }),
    area('island', { type: 'Polygon', coordinates: [box(105.84, 19.34, 105.86, 19.36)] }),
  ],
  'multipolygon of islands with a neighbour sharing an edge': [
    area('archipelago', {
      type: 'MultiPolygon',
      coordinates: [
        [box(105.8, 19.3, 105.85, 19.35)],
        [box(105.9, 19.3, 105.92, 19.31)],
        [box(105.95, 19.4, 105.951, 19.401)],
      ],
    }),
    area('mainland', { type: 'Polygon', coordinates: [box(105.85, 19.3, 105.9, 19.35)] }),
  ],
  'overlapping areas: the first in order wins': [
    area('first', {
      type: 'Polygon',
      coordinates: [
        [
          [105.8, 19.3],
          [105.9, 19.32],
          [105.85, 19.4],
          [105.8, 19.3],
        ],
      ],
    }),
    area('second', { type: 'Polygon', coordinates: [box(105.82, 19.31, 105.88, 19.36)] }),
  ],
  'a feature bbox that cuts its own polygon (turf trusts it)': [
    area('trimmed', { type: 'Polygon', coordinates: [box(105.8, 19.3, 105.9, 19.4)] }, [105.8, 19.3, 105.85, 19.4]),
    area('under', { type: 'Polygon', coordinates: [box(105.8, 19.3, 105.9, 19.4)] }),
  ],
};

/** Points on a fine lattice plus every vertex and edge midpoint, exact and nudged. */
function probePoints(features: AreaFeature[]): number[][] {
  const pts: number[][] = [];
  for (let x = 105.78; x <= 105.97; x += 0.0025) for (let y = 19.28; y <= 19.42; y += 0.0025) pts.push([x, y]);
  for (const f of features) {
    const rings = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat();
    for (const ring of rings) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const [a, b] = [ring[i], ring[i + 1]];
        for (const p of [a, [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]]) {
          for (const [dx, dy] of [
            [0, 0],
            [1e-7, 0],
            [-1e-7, 0],
            [0, 1e-7],
            [0, -1e-7],
          ])
            pts.push([p[0] + dx, p[1] + dy]);
        }
      }
    }
  }
  return pts;
}

const oracle = (features: AreaFeature[], [x, y]: number[]) =>
  features.find((f) => booleanPointInPolygon([x, y], f))?.properties.code ?? null;

describe.each(Object.entries(fixtures))('%s', (_name, features) => {
  const fc: AreaCollection = { type: 'FeatureCollection', features };
  const points = probePoints(features);

  it('compileArea(...).contains equals booleanPointInPolygon', () => {
    const pips = features.map((f) => compileArea(f.geometry, f.bbox));
    const wrong = points.filter((p) =>
      features.some((f, i) => pips[i].contains(p[0], p[1]) !== booleanPointInPolygon(p, f)),
    );
    expect(wrong).toEqual([]);
  });

  it.each([7, 9, 10])('buildAreaIndex at res %i equals a turf scan', (res) => {
    const index = buildAreaIndex(fc, { res });
    const wrong = points.filter((p) => (index.lookup(p[0], p[1])?.code ?? null) !== oracle(features, p));
    expect(wrong).toEqual([]);
    expect(new Set(points.map((p) => index.lookup(p[0], p[1])?.code ?? null)).size).toBe(features.length + 1);
  });
});

describe('degenerate input', () => {
  it.each([
    { what: 'NaN', x: Number.NaN, y: 19.3 },
    { what: 'latitude beyond the pole', x: 105.8, y: 95 },
    { what: 'infinite longitude', x: Number.POSITIVE_INFINITY, y: 19.3 },
  ])('$what -> null', ({ x, y }) => {
    const index = buildAreaIndex({
      type: 'FeatureCollection',
      features: fixtures['square with a hole, and an island inside the hole'],
    });
    expect(index.lookup(x, y)).toBeNull();
  });

  it('an empty collection finds nothing', () => {
    expect(buildAreaIndex({ type: 'FeatureCollection', features: [] }).lookup(105.8, 19.3)).toBeNull();
  });
});
