// Offline base maps: a background plus the province and commune shapes served by our own API.
import type { StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { themeColors, type Theme } from '../layers/palette.ts';

export const ATTRIBUTION =
  'Ranh giới hành chính: sapnhap.bando.com.vn via thanglequoc/vietnamese-provinces-database (MIT); © OpenStreetMap contributors';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

const palettes: Record<Theme, { bg: string; land: string; communeLine: string; province: string }> = {
  dark: { bg: '#05080f', land: '#0e1626', communeLine: '#1c2940', province: '#38bdf8' },
  light: { bg: '#dfe6ee', land: '#f8fafc', communeLine: '#cbd5e1', province: '#0369a1' },
};

const rgba = ([r, g, b, a]: readonly number[]) => `rgba(${r}, ${g}, ${b}, ${(a / 255).toFixed(3)})`;

export function baseStyle(
  theme: Theme,
  communes: FeatureCollection | null,
  province: FeatureCollection | null,
): StyleSpecification {
  const p = palettes[theme];
  return {
    version: 8,
    name: `hientruong-${theme}`,
    sources: {
      communes: { type: 'geojson', data: communes ?? EMPTY, attribution: ATTRIBUTION },
      province: { type: 'geojson', data: province ?? EMPTY },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': p.bg } },
      {
        id: 'communes-fill',
        type: 'fill',
        source: 'communes',
        paint: { 'fill-color': p.land, 'fill-outline-color': p.communeLine },
      },
      {
        id: 'communes-line',
        type: 'line',
        source: 'communes',
        paint: { 'line-color': p.communeLine, 'line-width': 0.6 },
      },
      // The communes' accent boundaries (deck.gl draws only the hovered one: layers/areas-layer.ts).
      {
        id: 'communes-accent',
        type: 'line',
        source: 'communes',
        paint: { 'line-color': rgba(themeColors[theme].boundary), 'line-width': 0.8 },
      },
      {
        id: 'province-line',
        type: 'line',
        source: 'province',
        paint: { 'line-color': p.province, 'line-width': 2, 'line-opacity': 0.85 },
      },
    ],
  };
}

/** Bounding box [[w, s], [e, n]] of every coordinate, to fit the camera to the province. */
export function boundsOf(fc: FeatureCollection | null): [[number, number], [number, number]] | null {
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as number[];
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  for (const f of fc?.features ?? []) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  return Number.isFinite(w)
    ? [
        [w, s],
        [e, n],
      ]
    : null;
}
