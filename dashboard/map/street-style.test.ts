import { describe, expect, it } from 'vitest';
import { baseStyle } from './base-style.ts';
import { streetStyle } from './street-style.ts';

describe('streetStyle', () => {
  const basemap = {
    pmtilesUrl: 'http://host/tiles/basemap.pmtiles',
    glyphsUrl: '/tiles/fonts/{fontstack}/{range}.pbf',
  };
  it('adds the PMTiles source and road layers under the boundaries, and labels roads when glyphs exist', () => {
    const s = streetStyle('dark', null, null, basemap);
    expect(s.sources.streets).toMatchObject({ type: 'vector', url: 'pmtiles://http://host/tiles/basemap.pmtiles' });
    const ids = s.layers.map((l) => l.id);
    expect(ids.indexOf('roads-major')).toBeLessThan(ids.indexOf('province-line'));
    expect(ids.at(-1)).toBe('road-names');
    expect(s.glyphs).toBe(basemap.glyphsUrl);
    const names = s.layers.find((l) => l.id === 'road-names');
    expect(JSON.stringify(names)).toContain('transportation_name');
  });
  it('draws roads without names when no glyphs are configured, and keeps every boundary layer', () => {
    const s = streetStyle('light', null, null, { ...basemap, glyphsUrl: null });
    expect(s.layers.some((l) => l.type === 'symbol')).toBe(false);
    expect(s.glyphs).toBeUndefined();
    for (const l of baseStyle('light', null, null).layers) expect(s.layers.map((x) => x.id)).toContain(l.id);
  });
});
