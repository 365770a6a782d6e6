// The fast index must give the very answer of a turf scan over the features, for every point.
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { buildAreaIndex } from './area-index.ts';
import { seededRandom } from './test-support/seeded-random.ts';
import type { AreaCollection } from './types.ts';

const DATA = new URL('../sql/data/vn/', import.meta.url);
const read = (path: string) => JSON.parse(readFileSync(new URL(path, DATA), 'utf8'));
const thanhHoa: AreaCollection = read('boundaries-2025/thanh-hoa-communes-166.geojson');
const hospitals = read('poi/hospitals-thanh-hoa.geojson').features as Array<{
  properties: { name: string; wardCode: string };
  geometry: { coordinates: [number, number] };
}>;
const index = buildAreaIndex(thanhHoa);

function ringsOf(fc: AreaCollection): number[][][] {
  return fc.features.flatMap((f) =>
    (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat(),
  );
}

/** The oracle: first feature in order that turf says contains the point (no shortcuts at all). */
function bruteForce(fc: AreaCollection, x: number, y: number): string | null {
  const hit = fc.features.find((f) => booleanPointInPolygon([x, y], f));
  return hit ? hit.properties.code : null;
}

/** The same oracle with a bbox prefilter (exact: a point outside a ring's bbox is outside the ring), for big samples. */
function bruteForceBoxed(fc: AreaCollection): (x: number, y: number) => string | null {
  const boxes = fc.features.map((f) => {
    const ps = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat(2);
    return [
      Math.min(...ps.map((p) => p[0])),
      Math.min(...ps.map((p) => p[1])),
      Math.max(...ps.map((p) => p[0])),
      Math.max(...ps.map((p) => p[1])),
    ];
  });
  return (x, y) => {
    const i = fc.features.findIndex((f, k) => {
      const b = boxes[k];
      return x >= b[0] && y >= b[1] && x <= b[2] && y <= b[3] && booleanPointInPolygon([x, y], f);
    });
    return i < 0 ? null : fc.features[i].properties.code;
  };
}

function mismatches(
  fc: AreaCollection,
  lookup: (x: number, y: number) => string | null,
  points: number[][],
  oracle = bruteForceBoxed(fc),
) {
  return points
    .filter(([x, y]) => lookup(x, y) !== oracle(x, y))
    .map(([x, y]) => ({ x, y, got: lookup(x, y), want: oracle(x, y) }));
}

const code = (x: number, y: number) => index.lookup(x, y)?.code ?? null;
const NUDGES = [
  [0, 0],
  [1e-7, 0],
  [-1e-7, 0],
  [0, 1e-7],
  [0, -1e-7],
  [1e-7, 1e-7],
  [-1e-7, -1e-7],
];

describe('buildAreaIndex on Thanh Hóa (166 communes, full precision)', () => {
  it.each([
    { what: "provincial People's Committee", lat: 19.8075, lng: 105.7766, want: '14797' },
    { what: 'at sea off Sầm Sơn', lat: 19.5, lng: 106.3, want: null },
    { what: 'in Laos, west of the province', lat: 20.0, lng: 104.0, want: null },
    { what: 'far away (Hà Nội)', lat: 21.0285, lng: 105.8542, want: null },
  ])('$what -> $want', ({ lat, lng, want }) => {
    expect(code(lng, lat)).toBe(want);
    expect(bruteForce(thanhHoa, lng, lat)).toBe(want);
  });

  it.each(hospitals.map((h) => ({ name: h.properties.name, at: h.geometry.coordinates, want: h.properties.wardCode })))(
    '$name lies in $want',
    ({ at, want }) => expect(code(at[0], at[1])).toBe(want),
  );

  it('agrees with turf on vertices shared by two communes, exactly and nudged by ±1e-7', () => {
    const owners = new Map<string, Set<string>>();
    for (const f of thanhHoa.features) {
      for (const ring of (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat()) {
        for (const p of ring)
          owners.set(`${p[0]},${p[1]}`, (owners.get(`${p[0]},${p[1]}`) ?? new Set()).add(f.properties.code));
      }
    }
    const shared = [...owners].filter(([, s]) => s.size >= 2).map(([k]) => k.split(',').map(Number));
    expect(shared.length).toBeGreaterThan(1000);
    const pick = shared.filter((_, i) => i % Math.ceil(shared.length / 300) === 0);
    const points = pick.flatMap(([x, y]) => NUDGES.map(([dx, dy]) => [x + dx, y + dy]));
    expect(mismatches(thanhHoa, code, points, (x, y) => bruteForce(thanhHoa, x, y))).toEqual([]);
  });

  it('agrees with turf on 20,000 random points over the province bbox and 3,000 nudged vertices', () => {
    const rnd = seededRandom(38);
    const points: number[][] = [];
    for (let i = 0; i < 20_000; i++) points.push([104.374 + rnd() * 1.702, 19.287 + rnd() * 1.383]);
    const vertices = ringsOf(thanhHoa).flat();
    for (let i = 0; i < 3_000; i++) {
      const [x, y] = vertices[Math.floor(rnd() * vertices.length)];
      const [dx, dy] = NUDGES[i % NUDGES.length];
      points.push([x + dx, y + dy]);
    }
    const found = points.filter(([x, y]) => code(x, y) !== null).length;
    expect(found).toBeGreaterThan(8_000); // the sample really exercises the areas, not just the sea
    expect(mismatches(thanhHoa, code, points)).toEqual([]);
  });

  it('really skips geometry for most cells', () => {
    const s = index.stats();
    expect(s.areas).toBe(166);
    expect(s.interiorCells).toBeGreaterThan(2 * s.borderCells);
  });
});
