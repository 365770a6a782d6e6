// Addresses as people write them: streets imported from a small OSM-style file the test writes, ranked by the
// commune (current or former, "… cũ") the other parts name, with the house number interpolated along the street.
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAreaIndex } from '../../../geo/area-index.ts';
import { withTransaction } from '../../../sql/db.ts';
import { currentAreas } from '../../../sql/queries/areas.ts';
import { importStreets, streetsFromGeoJson } from '../../../sql/street-import.ts';
import { startDispatchApp, type DispatchApp } from '../../test-support/dispatch-app.ts';

const line = (name: string, coordinates: number[][], extra: Record<string, unknown> = {}) => ({
  type: 'Feature',
  properties: { highway: 'secondary', name, ...extra },
  geometry: { type: 'LineString', coordinates },
});
const STREETS = {
  type: 'FeatureCollection',
  features: [
    // In Phường Hạc Thành, with an even-numbered range along it.
    line(
      'Đường Lê Lợi',
      [
        [105.7745, 19.8065],
        [105.779, 19.8085],
      ],
      { 'addr:from': '2', 'addr:to': '200', 'addr:interpolation': 'even' },
    ),
    // The same name in Sầm Sơn, and a near-namesake in Hạc Thành.
    line('Lê Lợi', [
      [105.9, 19.7352],
      [105.903, 19.737],
    ]),
    line('Lê Lai', [
      [105.776, 19.806],
      [105.777, 19.8075],
    ]),
    {
      type: 'Feature',
      properties: { highway: 'service' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [105.77, 19.8],
          [105.771, 19.8],
        ],
      },
    },
  ],
};

describe('GET /api/v1/geocode/address', () => {
  let app: DispatchApp;
  const find = async (q: string) =>
    (await app.anonymous.get(`/api/v1/geocode/address?q=${encodeURIComponent(q)}`)).body;
  beforeAll(async () => {
    app = await startDispatchApp();
    const file = join(mkdtempSync(join(tmpdir(), 'streets-')), 'streets.geojson');
    writeFileSync(file, JSON.stringify(STREETS));
    const areas = buildAreaIndex(await currentAreas(app.db, 'commune'));
    const { streets, skipped } = streetsFromGeoJson(JSON.parse(readFileSync(file, 'utf8')), areas, {
      source: 'streets.geojson (© OpenStreetMap contributors)',
      licence: 'ODbL-1.0',
    });
    expect(skipped).toBe(1);
    await withTransaction(app.db, (tx) => importStreets(tx, streets));
  });
  afterAll(async () => app?.close());

  it('finds the house on the street in the commune the address names', async () => {
    const { candidates } = await find('số 12 Lê Lợi, P. Hạc Thành, TP Thanh Hóa');
    expect(candidates[0]).toMatchObject({ street: 'Đường Lê Lợi', houseNumber: 12, exactHouse: true });
    expect(candidates[0].area.name).toContain('Hạc Thành');
    // House 12 of 2..200 sits near the start of the street.
    expect(candidates[0].lng).toBeLessThan(105.7755);
    expect(candidates.map((c: { street: string }) => c.street)).not.toContain('Lê Lai');
  });

  it("answers the matched street's line and the interpolated house on it, to draw on the dispatch map", async () => {
    const [best] = (await find('số 100 Lê Lợi, P. Hạc Thành')).candidates;
    expect(best.line).toEqual(STREETS.features[0].geometry.coordinates);
    // House 100 of 2..200 (even) is half-way: on the segment, between its ends.
    const [[x0, y0], [x1, y1]] = best.line as [number, number][];
    const t = (best.lng - x0) / (x1 - x0);
    expect(t).toBeGreaterThan(0.45);
    expect(t).toBeLessThan(0.55);
    expect(best.lat).toBeCloseTo(y0 + t * (y1 - y0), 6);
  });

  it('lets the commune part decide between two streets of the same name, with or without diacritics', async () => {
    expect((await find('Lê Lợi, Sầm Sơn')).candidates[0].area.name).toContain('Sầm Sơn');
    expect((await find('le loi, sam son, thanh hoa')).candidates[0].area.name).toContain('Sầm Sơn');
    expect((await find('duong le loi, phuong hac thanh')).candidates[0].area.name).toContain('Hạc Thành');
  });

  it('understands a former ward with "cũ"', async () => {
    expect((await find('15 Lê Lợi, Điện Biên cũ, Thanh Hóa')).candidates[0]).toMatchObject({
      street: 'Đường Lê Lợi',
      exactHouse: false,
    });
    expect((await find('16 Lê Lợi, Phường Điện Biên cũ')).candidates[0]).toMatchObject({ exactHouse: true });
  });

  it('keeps the OpenStreetMap attribution with every imported street', async () => {
    const { rows } = await app.db.query<{ licence: string; source: string }>(
      'SELECT DISTINCT licence, source FROM streets',
    );
    expect(rows).toEqual([{ licence: 'ODbL-1.0', source: 'streets.geojson (© OpenStreetMap contributors)' }]);
  });
});
