// The offline street map: the boundaries style with a province's PMTiles basemap (OpenMapTiles schema, as
// planetiler or tilemaker write it) drawn under it: water, roads by class, and road names when glyphs exist.
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { Theme } from '../layers/palette.ts';
import { baseStyle } from './base-style.ts';

export const STREET_ATTRIBUTION = '© OpenStreetMap contributors (ODbL)';
export const LABEL_FONT = ['Be Vietnam Pro Regular'];

const ink: Record<Theme, { water: string; major: string; minor: string; text: string; halo: string }> = {
  dark: { water: '#0b2540', major: '#3b4d6b', minor: '#26344b', text: '#cbd5e1', halo: '#05080f' },
  light: { water: '#bfdbfe', major: '#ffffff', minor: '#f1f5f9', text: '#334155', halo: '#ffffff' },
};

const MAJOR = ['motorway', 'trunk', 'primary', 'secondary'];

export function streetStyle(
  theme: Theme,
  communes: FeatureCollection | null,
  province: FeatureCollection | null,
  basemap: { pmtilesUrl: string; glyphsUrl: string | null },
): StyleSpecification {
  const base = baseStyle(theme, communes, province);
  const c = ink[theme];
  const src = 'streets';
  const street: LayerSpecification[] = [
    { id: 'water', type: 'fill', source: src, 'source-layer': 'water', paint: { 'fill-color': c.water } },
    {
      id: 'roads-minor',
      type: 'line',
      source: src,
      'source-layer': 'transportation',
      filter: ['!', ['in', ['get', 'class'], ['literal', MAJOR]]],
      minzoom: 12,
      paint: { 'line-color': c.minor, 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 0.5, 18, 6] },
    },
    {
      id: 'roads-major',
      type: 'line',
      source: src,
      'source-layer': 'transportation',
      filter: ['in', ['get', 'class'], ['literal', MAJOR]],
      paint: { 'line-color': c.major, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.8, 18, 12] },
    },
  ];
  const labels: LayerSpecification[] = basemap.glyphsUrl
    ? [
        {
          id: 'road-names',
          type: 'symbol',
          source: src,
          'source-layer': 'transportation_name',
          minzoom: 13,
          layout: {
            'symbol-placement': 'line',
            'text-field': ['coalesce', ['get', 'name:vi'], ['get', 'name']],
            'text-font': LABEL_FONT,
            'text-size': 12,
          },
          paint: { 'text-color': c.text, 'text-halo-color': c.halo, 'text-halo-width': 1.5 },
        },
      ]
    : [];
  const [background, ...rest] = base.layers;
  return {
    ...base,
    name: `hientruong-streets-${theme}`,
    ...(basemap.glyphsUrl ? { glyphs: basemap.glyphsUrl } : {}),
    sources: {
      ...base.sources,
      [src]: { type: 'vector', url: `pmtiles://${basemap.pmtilesUrl}`, attribution: STREET_ATTRIBUTION },
    },
    // Streets over the land fill, boundaries and names on top.
    layers: [background, rest[0], ...street, ...rest.slice(1), ...labels],
  };
}
