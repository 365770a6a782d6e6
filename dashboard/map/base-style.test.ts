import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { ATTRIBUTION, baseStyle, boundsOf } from './base-style.ts';

const fc: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [105, 19],
            [106, 19],
            [106, 20.5],
            [105, 19],
          ],
        ],
      },
    },
  ],
};

describe('baseStyle', () => {
  it.each(['dark', 'light'] as const)('%s needs nothing from the internet', (theme) => {
    const style = baseStyle(theme, fc, fc);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\//);
    // communes-accent: every commune's boundary drawn by the base map, so deck.gl need not redraw it each frame.
    expect(style.layers.map((l) => l.id)).toEqual([
      'background',
      'communes-fill',
      'communes-line',
      'communes-accent',
      'province-line',
    ]);
    expect(style.layers.every((l) => l.type !== 'symbol')).toBe(true);
  });
  it('carries the boundary attribution', () => {
    expect((baseStyle('dark', null, null).sources.communes as { attribution?: string }).attribution).toBe(ATTRIBUTION);
    expect(ATTRIBUTION).toContain('sapnhap.bando.com.vn');
    expect(ATTRIBUTION).toContain('© OpenStreetMap contributors');
  });
  it('computes bounds', () => {
    expect(boundsOf(fc)).toEqual([
      [105, 19],
      [106, 20.5],
    ]);
    expect(boundsOf(null)).toBeNull();
  });
});
