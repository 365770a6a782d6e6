// Field units as squares-ish points coloured by status (pure builder, like the shared layers).
import { ScatterplotLayer } from '@deck.gl/layers';
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
