// Density of reports on an H3 grid whose resolution follows the zoom; aggregated client-side.
import { H3HexagonLayer } from '@deck.gl/geo-layers';
import { cellToParent, getResolution, isValidCell } from 'h3-js';
import type { Report } from '../data/types.ts';
import { densityColor } from './palette.ts';

export interface HexCount { hex: string; count: number }

export const HEX_LAYER_ID = 'hexagons';

export function resForZoom(zoom: number): number {
  if (zoom < 9) return 7;
  if (zoom < 11) return 8;
  return 9;
}

/** Cells coarser than the target (public, coarsened) are kept as they are rather than invented finer. */
export function aggregateCells(reports: Pick<Report, 'cell'>[], res: number): HexCount[] {
  const counts = new Map<string, number>();
  for (const r of reports) {
    if (!r.cell || !isValidCell(r.cell)) continue;
    const hex = getResolution(r.cell) > res ? cellToParent(r.cell, res) : r.cell;
    counts.set(hex, (counts.get(hex) ?? 0) + 1);
  }
  return [...counts].map(([hex, count]) => ({ hex, count })).sort((a, b) => b.count - a.count || a.hex.localeCompare(b.hex));
}

export function hexagonLayer(reports: Pick<Report, 'cell'>[], f: { zoom: number; visible?: boolean }) {
  const res = resForZoom(f.zoom);
  const data = aggregateCells(reports, res);
  const max = data.reduce((m, d) => Math.max(m, d.count), 0);
  return new H3HexagonLayer<HexCount>({
    id: HEX_LAYER_ID,
    data,
    visible: f.visible ?? true,
    pickable: true,
    filled: true,
    stroked: false,
    extruded: false,
    highPrecision: true,
    getHexagon: (d) => d.hex,
    getFillColor: (d) => densityColor(d.count, max, 150),
    updateTriggers: { getFillColor: max },
  });
}
