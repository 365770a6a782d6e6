// Commune names at a point inside each shape, in the bundled Vietnamese font; shown only when zoomed in.
import { TextLayer } from '@deck.gl/layers';
import type { FeatureCollection, Position } from 'geojson';
import { themeColors, type Theme } from './palette.ts';
import type { AreaProps } from './areas-layer.ts';

export interface AreaLabel {
  code: string;
  text: string;
  position: [number, number];
  /** The commune's area (squared degrees): larger communes keep their name where two would collide. */
  priority: number;
}

export const LABELS_LAYER_ID = 'labels';
export const LABEL_MIN_ZOOM = 9.5;
export const UI_FONT = '"Be Vietnam Pro", system-ui, sans-serif';

function ringArea(ring: Position[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return a / 2;
}

/** Area-weighted centroid of the outer ring of the largest polygon. */
export function ringCentroid(ring: Position[]): [number, number] {
  const a = ringArea(ring);
  if (a === 0) return [ring[0][0], ring[0][1]];
  let x = 0,
    y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    x += (ring[j][0] + ring[i][0]) * f;
    y += (ring[j][1] + ring[i][1]) * f;
  }
  return [x / (6 * a), y / (6 * a)];
}

export function areaLabels(areas: FeatureCollection | null, lang: 'vi' | 'en'): AreaLabel[] {
  const out: AreaLabel[] = [];
  for (const f of areas?.features ?? []) {
    const p = f.properties as AreaProps;
    const g = f.geometry;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    if (!polys.length) continue;
    const outer = polys.map((poly) => poly[0]).sort((a, b) => Math.abs(ringArea(b)) - Math.abs(ringArea(a)))[0];
    out.push({
      code: p.code,
      text: lang === 'en' && p.nameEn ? p.nameEn : p.name,
      position: ringCentroid(outer),
      priority: Math.abs(ringArea(outer)),
    });
  }
  return out;
}

/** Label size in pixels (label placement sizes its boxes with it). */
export const LABEL_SIZE = 14;

export function labelsLayer(
  areas: FeatureCollection | null,
  f: {
    theme: Theme;
    lang: 'vi' | 'en';
    zoom: number;
    fontReady: boolean;
    /** Keeps only the labels that fit without colliding (label-placement.ts); all when absent. */
    place?: (labels: AreaLabel[]) => AreaLabel[];
  },
) {
  const colors = themeColors[f.theme];
  const all = areaLabels(areas, f.lang);
  return new TextLayer<AreaLabel>({
    id: LABELS_LAYER_ID,
    data: f.place ? f.place(all) : all,
    visible: f.fontReady && f.zoom >= LABEL_MIN_ZOOM,
    getText: (d) => d.text,
    getPosition: (d) => d.position,
    getSize: LABEL_SIZE,
    sizeUnits: 'pixels',
    fontFamily: UI_FONT,
    fontWeight: 600,
    characterSet: 'auto',
    fontSettings: { sdf: true, fontSize: 64, buffer: 6 },
    outlineWidth: 3,
    outlineColor: colors.labelOutline,
    getColor: colors.label,
    getTextAnchor: 'middle',
    getAlignmentBaseline: 'center',
    updateTriggers: { getText: f.lang },
  });
}
