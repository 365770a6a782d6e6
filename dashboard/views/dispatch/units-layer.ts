// Field units: a ringed point coloured by status, and a label with name and trade (pure builders, like the shared layers).
import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { UnitDTO } from '../../data/dispatch-types.ts';

type RGBA = [number, number, number, number];
export const UNIT_COLORS: Record<UnitDTO['status'], RGBA> = {
  available: [34, 197, 94, 255],
  en_route: [250, 204, 21, 255],
  on_scene: [249, 115, 22, 255],
  off_duty: [100, 116, 139, 200],
};

export type PlacedUnit = UnitDTO & { lat: number; lng: number };

export function unitsLayer(units: UnitDTO[], highlight: ReadonlySet<string>) {
  return new ScatterplotLayer<PlacedUnit>({
    id: 'units',
    data: units.filter((u): u is PlacedUnit => u.lat !== null && u.lng !== null),
    pickable: true,
    stroked: true,
    radiusUnits: 'pixels',
    lineWidthUnits: 'pixels',
    getPosition: (u) => [u.lng, u.lat],
    getRadius: (u) => (highlight.has(u.id) ? 10 : 7),
    getFillColor: (u) => UNIT_COLORS[u.status] ?? UNIT_COLORS.off_duty,
    getLineColor: [15, 23, 42, 255],
    getLineWidth: (u) => (highlight.has(u.id) ? 3 : 2),
    updateTriggers: { getRadius: [...highlight].join(), getLineWidth: [...highlight].join() },
  });
}

/** Each unit's name and trade beside its symbol, so a circle on the map says who it is and what it does. */
export function unitLabelsLayer(
  units: UnitDTO[],
  tradeName: (code: string | null) => string | null,
  f: { dark: boolean; fontFamily: string },
) {
  return new TextLayer<PlacedUnit>({
    id: 'unit-labels',
    data: units.filter((u): u is PlacedUnit => u.lat !== null && u.lng !== null),
    getPosition: (u) => [u.lng, u.lat],
    getText: (u) => [u.name, tradeName(u.trade)].filter(Boolean).join(' · '),
    getSize: 12,
    sizeUnits: 'pixels',
    getPixelOffset: [0, 16],
    fontFamily: f.fontFamily,
    fontWeight: 600,
    characterSet: 'auto',
    fontSettings: { sdf: true, fontSize: 48, buffer: 6 },
    outlineWidth: 3,
    outlineColor: f.dark ? [15, 23, 42, 255] : [255, 255, 255, 255],
    getColor: f.dark ? [226, 232, 240, 255] : [15, 23, 42, 255],
    getTextAnchor: 'middle',
    getAlignmentBaseline: 'top',
    updateTriggers: { getText: [tradeName] },
  });
}
