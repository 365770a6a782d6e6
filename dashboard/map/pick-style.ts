// Which base map a screen draws: a configured style URL, else the province's PMTiles streets, else boundaries only.
import type { StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { runtimeConfig } from '../config.ts';
import type { Theme } from '../layers/palette.ts';
import { baseStyle } from './base-style.ts';
import { streetStyle } from './street-style.ts';

export function pickStyle(
  theme: Theme,
  communes: FeatureCollection | null,
  province: FeatureCollection | null,
): string | StyleSpecification {
  const c = runtimeConfig();
  if (c.mapStyleUrl) return c.mapStyleUrl;
  if (!c.basemapPmtiles) return baseStyle(theme, communes, province);
  // The pmtiles protocol fetches by absolute URL; glyph templates are resolved by MapLibre itself.
  const origin = typeof location === 'undefined' ? 'http://localhost' : location.origin;
  return streetStyle(theme, communes, province, {
    pmtilesUrl: new URL(c.basemapPmtiles, origin).href,
    glyphsUrl: c.basemapGlyphs ? `${origin}${c.basemapGlyphs}` : null,
  });
}
