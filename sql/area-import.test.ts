import { describe, expect, it } from 'vitest';
import { parseAreaFile, type AreaFileOptions } from './area-file.ts';
import { withTransaction } from './db.ts';
import { currentAreas, importAreaSet } from './queries/areas.ts';
import { useTestDatabase } from './test-support/db.ts';

const square = (x: number, y: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + 0.1, y],
      [x + 0.1, y + 0.1],
      [x, y + 0.1],
      [x, y],
    ],
  ],
});
const opts: AreaFileOptions = {
  level: 'commune',
  codeProp: 'ma',
  nameProp: 'ten',
  provinceCode: '38',
  effectiveFrom: '2027-01-01',
  source: 'test',
};
const file = (features: object[]) => ({ type: 'FeatureCollection', features });

describe('boundary file parsing', () => {
  it.each([
    ['not a collection', { type: 'Feature' }, /not a GeoJSON FeatureCollection/],
    [
      'missing code',
      file([{ type: 'Feature', properties: { ten: 'A' }, geometry: square(105, 19) }]),
      /'ma' \(--code-prop\) is missing/,
    ],
    [
      'missing name',
      file([{ type: 'Feature', properties: { ma: '1' }, geometry: square(105, 19) }]),
      /'ten' \(--name-prop\) is missing/,
    ],
    [
      'duplicate code',
      file([1, 2].map(() => ({ type: 'Feature', properties: { ma: '1', ten: 'A' }, geometry: square(105, 19) }))),
      /appears twice/,
    ],
    [
      'a point',
      file([
        { type: 'Feature', properties: { ma: '1', ten: 'A' }, geometry: { type: 'Point', coordinates: [105, 19] } },
      ]),
      /Polygon or MultiPolygon, got Point/,
    ],
    ['empty', file([]), /no features/],
  ])('%s is refused with its reason', (_n, input, reason) => {
    const { set, errors } = parseAreaFile(input, null, opts);
    expect(set).toBeUndefined();
    expect(errors.join('\n')).toMatch(reason);
  });

  it('a bad date is refused', () => {
    const { errors } = parseAreaFile(
      file([{ type: 'Feature', properties: { ma: '1', ten: 'A' }, geometry: square(105, 19) }]),
      null,
      { ...opts, effectiveFrom: '01/07/2027' },
    );
    expect(errors.join()).toMatch(/--effective-from/);
  });
});

describe('importing a new official set', () => {
  const test = useTestDatabase();

  it('replaces the province’s current communes from its effective date and keeps history and reports’ areas', async () => {
    await test.pool.query(
      `INSERT INTO reports (category, description, lat, lng, h3_cell, area_code, area_name) VALUES ('road', 'x', 19.8, 105.77, 1, '14797', 'Phường Hạc Thành')`,
    );
    const { set } = parseAreaFile(
      file([
        { type: 'Feature', properties: { ma: '90001', ten: 'Hợp Nhất' }, geometry: square(105.7, 19.7) },
        { type: 'Feature', properties: { ma: '90002', ten: 'Tân Lập' }, geometry: square(105.8, 19.8) },
      ]),
      null,
      opts,
    );
    await withTransaction(test.pool, (tx) => importAreaSet(tx, set!));
    const now = await currentAreas(test.pool, 'commune');
    expect(now.features.map((f) => f.properties.code)).toEqual(['90001', '90002']);
    const { rows } = await test.pool.query(
      "SELECT count(*)::int n FROM areas WHERE level = 'commune' AND effective_to = '2027-01-01'",
    );
    expect(rows[0].n).toBe(166);
    const kept = await test.pool.query('SELECT area_code, area_name FROM reports');
    expect(kept.rows[0]).toEqual({ area_code: '14797', area_name: 'Phường Hạc Thành' });
  });
});
