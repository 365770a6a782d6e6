// Communes as deck.gl layers: a fill (shaded by report count on the public view, else transparent and drawn only
// for picking: hover names a commune, a click picks one) and the hovered commune's outline. Every commune's thin
// boundary is drawn by the base map instead (communes-accent in map/base-style.ts): deck.gl redraws all of its
// layers on any change, and the province's boundaries cost about 0.6 s a frame in software WebGL while a replay is
// scrubbed, where MapLibre draws them again only when the camera moves.
import type { Layer } from '@deck.gl/core';
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
export const AREA_HOVER_LAYER_ID = 'areas-hover';
/** A fill left transparent: drawn for picking only (see drawnOnScreen). */
export const NO_FILL: RGBA = [0, 0, 0, 0];

/** The fill layer, then the hovered commune's outline. */
export function areasLayer(
  areas: FeatureCollection | null,
  f: AreasFilters,
): [GeoJsonLayer<AreaProps>, GeoJsonLayer<AreaProps>] {
  const hovered = f.hoveredCode ?? null;
  const counts = f.counts ?? null;
  const max = counts ? Math.max(0, ...Object.values(counts)) : 0;
  const features = (areas?.features ?? []) as AreaFeature[];
  const fill = new GeoJsonLayer<AreaProps>({
    id: AREAS_LAYER_ID,
    data: features,
    pickable: true,
    stroked: false,
    filled: true,
    getFillColor: counts
      ? (d: AreaFeature) => {
          const n = counts[d.properties.code] ?? 0;
          return n > 0 ? densityColor(n, max, 70) : NO_FILL;
        }
      : NO_FILL,
    updateTriggers: { getFillColor: [counts, max] },
  });
  const outline = new GeoJsonLayer<AreaProps>({
    id: AREA_HOVER_LAYER_ID,
    data: hovered ? features.filter((d) => d.properties.code === hovered) : [],
    stroked: true,
    filled: false,
    lineWidthUnits: 'pixels',
    getLineWidth: 2.5,
    getLineColor: themeColors[f.theme].boundaryHover,
  });
  return [fill, outline];
}

/** deck.gl's layerFilter: a transparent commune fill (NO_FILL for all) is drawn for picking, never on screen. */
export function drawnOnScreen({ layer, isPicking }: { layer: Layer; isPicking: boolean }): boolean {
  const parent = layer.parent;
  return (
    isPicking || parent?.id !== AREAS_LAYER_ID || (parent.props as { getFillColor?: unknown }).getFillColor !== NO_FILL
  );
}
