// Gi* hot and cold spots as outlined hexagons: red for hot, blue for cold, the line and fill stronger at 95 and
// 99 %. Outlines, so the density hexagons underneath stay readable, in both themes (saturated, not pale).
import { H3HexagonLayer } from '@deck.gl/geo-layers';
import type { RGBA } from './palette.ts';

/** A significant cell: bin 1..3 hot at 90/95/99 %, -1..-3 cold. */
export interface HotspotMark {
  hex: string;
  bin: number;
}

export const HOTSPOTS_LAYER_ID = 'hotspots';
export const HOT: RGBA = [220, 38, 38, 255];
export const COLD: RGBA = [37, 99, 235, 255];
/** Line width in pixels and fill alpha per confidence level (90, 95, 99 %). */
export const HOTSPOT_LEVELS = [
  { width: 1.5, fill: 30 },
  { width: 2.5, fill: 55 },
  { width: 3.5, fill: 85 },
] as const;

const level = (bin: number) => HOTSPOT_LEVELS[Math.min(3, Math.abs(bin)) - 1] ?? HOTSPOT_LEVELS[0];

export function hotspotsLayer(marks: readonly HotspotMark[], f: { visible?: boolean } = {}) {
  return new H3HexagonLayer<HotspotMark>({
    id: HOTSPOTS_LAYER_ID,
    data: marks as HotspotMark[],
    visible: f.visible ?? true,
    pickable: false,
    filled: true,
    stroked: true,
    extruded: false,
    getHexagon: (d) => d.hex,
    getFillColor: (d): RGBA => [
      ...((d.bin > 0 ? HOT : COLD).slice(0, 3) as [number, number, number]),
      level(d.bin).fill,
    ],
    getLineColor: (d) => (d.bin > 0 ? HOT : COLD),
    getLineWidth: (d) => level(d.bin).width,
    lineWidthUnits: 'pixels',
  });
}

const BIN_OF = { 90: 1, 95: 2, 99: 3 } as const;

/** GET /api/v1/hotspots' significant cells as marks (its confidence and side as a signed bin). */
export function toHotspotMarks(cells: readonly { cell: string; confidence: 90 | 95 | 99; side: 'hot' | 'cold' }[]) {
  return cells.map((c): HotspotMark => ({ hex: c.cell, bin: (c.side === 'hot' ? 1 : -1) * BIN_OF[c.confidence] }));
}
