import { describe, expect, it } from 'vitest';
import { alertAtPoint, stillActive } from './alert-geometry.ts';
import { alertInView } from './in-view.ts';
import type { AlertDTO } from '../../ingest/presenters/dto.ts';

// An L-shaped area: its bounding box covers the notch, the area itself does not.
const lShape = {
  bounds: [0, 0, 2, 2],
  geometry: {
    type: 'MultiPolygon' as const,
    coordinates: [
      [
        [
          [0, 0],
          [2, 0],
          [2, 1],
          [1, 1],
          [1, 2],
          [0, 2],
          [0, 0],
        ],
      ],
    ],
  },
};

describe('alertInView', () => {
  it.each([
    ['a view inside the area', [0.2, 0.2, 0.4, 0.4], true],
    ['a view across its edge', [1.9, 0.5, 2.5, 0.6], true],
    ['a view in the notch of its bounding box', [1.5, 1.5, 1.8, 1.8], false],
    ['a view far away', [5, 5, 6, 6], false],
    ['a view containing the whole area', [-1, -1, 3, 3], true],
  ])('%s', (_name, box, expected) => {
    expect(alertInView(lShape, box as [number, number, number, number])).toBe(expected);
  });

  it.each([
    [0.5, 0.5, true],
    [1.5, 0.5, true],
    [1.5, 1.5, false], // the notch
    [3, 3, false],
  ])('point (%s, %s) in the area: %s', (lng, lat, expected) => {
    expect(alertAtPoint(lShape, lat, lng)).toBe(expected);
  });

  it('drops alerts past their expiry', () => {
    const a = (expires: string) => ({ expires }) as AlertDTO;
    expect(stillActive([a('2026-01-01T00:00:00Z'), a('2026-01-03T00:00:00Z')], Date.parse('2026-01-02'))).toHaveLength(
      1,
    );
  });
});
