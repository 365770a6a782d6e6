// Density of reports on an H3 grid: counts come from the server's cell rollups (/api/v1/cells), so they
// cover every report in the chosen window, not only the reports the browser holds.
import { H3HexagonLayer } from '@deck.gl/geo-layers';
import { getHexagonAreaAvg, UNITS } from 'h3-js';
import { DENSITY_EDGE_LIGHT, densityColor, type Theme } from './palette.ts';
import type { CellsQuery } from '../data/api.ts';
import type { CellWindow } from '../data/use-cell-counts.ts';
import type { HexCount } from '../data/types.ts';

export type { HexCount } from '../data/types.ts';

export const HEX_LAYER_ID = 'hexagons';
export const SENSITIVE_LAYER_ID = 'sensitive-cells';

/** Below this resolution the whole province is one small answer; from it on the map asks for its viewport. */
export const VIEWPORT_MIN_RES = 8;
/** Cells the map asks for at most in one viewport (the server refuses more than 20,000). */
const MAX_VIEW_CELLS = 12_000;

export function resForZoom(zoom: number): number {
  if (zoom < 9) return 7;
  if (zoom < 11) return 8;
  return 9;
}

/** Area of a lng/lat box in km² (spherical, good enough to size a query). */
export function boxAreaKm2([west, south, east, north]: [number, number, number, number]): number {
  const r = 6371.0088;
  const rad = Math.PI / 180;
  return Math.abs(r * r * (east - west) * rad * (Math.sin(north * rad) - Math.sin(south * rad)));
}

/** The zoom's resolution, coarsened while the viewport would hold more cells than one query should return. */
export function resForView(zoom: number, bbox: [number, number, number, number]): number {
  let res = resForZoom(zoom);
  const area = boxAreaKm2(bbox);
  while (res > 7 && area / getHexagonAreaAvg(res, UNITS.km2) > MAX_VIEW_CELLS) res--;
  return res;
}

/** The /cells question for a view: the whole province while coarse, the viewport once fine. */
export function cellsQueryFor(
  view: { zoom: number; bbox: [number, number, number, number] },
  window: CellWindow,
): CellsQuery {
  const res = resForView(view.zoom, view.bbox);
  return { res, ...(res >= VIEWPORT_MIN_RES ? { bbox: view.bbox } : {}), ...(window === 'all' ? {} : { window }) };
}

export function hexagonLayer(cells: HexCount[], f: { visible?: boolean; theme?: Theme } = {}) {
  const max = cells.reduce((m, d) => Math.max(m, d.count), 0);
  const theme = f.theme ?? 'dark';
  return new H3HexagonLayer<HexCount>({
    id: HEX_LAYER_ID,
    data: cells,
    visible: f.visible ?? true,
    pickable: true,
    filled: true,
    stroked: theme === 'light',
    extruded: false,
    highPrecision: true,
    getHexagon: (d) => d.hex,
    getFillColor: (d) => densityColor(d.count, max, theme === 'light' ? 190 : 150, theme),
    getLineColor: DENSITY_EDGE_LIGHT,
    lineWidthUnits: 'pixels',
    getLineWidth: 1,
    updateTriggers: { getFillColor: [max, theme] },
  });
}

/**
 * The public's only view of sensitive categories (security, misconduct): coarse cells (res 7, ~5 km²)
 * holding at least k reports, outlined so they read as "somewhere in here", never as a point.
 */
export function sensitiveLayer(cells: HexCount[], f: { visible?: boolean } = {}) {
  return new H3HexagonLayer<HexCount>({
    id: SENSITIVE_LAYER_ID,
    data: cells,
    visible: f.visible ?? true,
    pickable: true,
    filled: true,
    stroked: true,
    extruded: false,
    getHexagon: (d) => d.hex,
    getFillColor: [244, 63, 94, 40],
    getLineColor: [244, 63, 94, 220],
    lineWidthMinPixels: 2,
  });
}
