// Commune boundaries; optionally shaded by report count (public view) and highlighted on hover.
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { densityColor, themeColors, type RGBA, type Theme } from './palette.ts';

export interface AreaProps {
  code: string;
  name: string;
  fullName?: string;
  nameEn?: string;
  type?: string;
}
export type AreaFeature = Feature<Geometry, AreaProps>;

export interface AreasFilters {
  theme: Theme;
  hoveredCode?: string | null;
  /** Reports per commune code; when given, communes are filled on the density ramp. */
  counts?: Record<string, number> | null;
}

export const AREAS_LAYER_ID = 'areas';
const NONE: RGBA = [0, 0, 0, 0];

export function areasLayer(areas: FeatureCollection | null, f: AreasFilters) {
  const colors = themeColors[f.theme];
  const hovered = f.hoveredCode ?? null;
  const counts = f.counts ?? null;
  const max = counts ? Math.max(0, ...Object.values(counts)) : 0;
  return new GeoJsonLayer<AreaProps>({
    id: AREAS_LAYER_ID,
    data: areas?.features ?? [],
    pickable: true,
    stroked: true,
    filled: true,
    lineWidthUnits: 'pixels',
    getLineWidth: (d: AreaFeature) => (d.properties.code === hovered ? 2.5 : 0.8),
    getLineColor: (d: AreaFeature) => (d.properties.code === hovered ? colors.boundaryHover : colors.boundary),
    getFillColor: (d: AreaFeature) => {
      const n = counts?.[d.properties.code] ?? 0;
      return counts && n > 0 ? densityColor(n, max, 70) : NONE;
    },
    updateTriggers: { getLineWidth: hovered, getLineColor: [hovered, f.theme], getFillColor: [counts, max] },
  });
}
