// A small window.__hientruong surface so browser tests can pick through deck.gl instead of scraping pixels.
import type { MapHandle } from './map-view.tsx';
import { REPORTS_LAYER_ID, type PlacedReport } from '../layers/reports-layer.ts';
import type { HexCount } from '../layers/hexagon-layer.ts';

export interface HienTruongTestApi {
  deck: MapHandle['overlay'] | null;
  map: MapHandle['map'];
  /** Codes of the reports currently in the deck.gl reports layer. */
  reportsShown(): string[];
  /** Viewport (client) coordinates of a report's point, or null if it is not drawn. */
  viewportPositionOf(code: string): [number, number] | null;
  /** deck.gl picking at viewport coordinates: the report code under that point, or null. */
  pickAt(x: number, y: number): string | null;
  /** The density cells the hexagon layer is drawing now, with their counts. */
  hexagons(): HexCount[];
  /** Public map: the coarse k-anonymous cells of sensitive categories being drawn. */
  sensitiveCells(): HexCount[];
  /** Ids of the official alerts whose areas the alerts layer is drawing now. */
  alertsShown(): string[];
  /** Commune names drawn now, with their boxes in map-canvas pixels (placed so that none overlaps another). */
  labelsShown(): { code: string; text: string; box: { x: number; y: number; w: number; h: number } }[];
  /** Resolves once the map has finished rendering its current state. */
  idle(): Promise<void>;
}

declare global {
  interface Window {
    __hientruong?: HienTruongTestApi;
  }
}

export function installTestHooks(
  handle: MapHandle | null,
  reports: () => PlacedReport[],
  hexagons: () => HexCount[],
  sensitiveCells: () => HexCount[],
  alertsShown: () => string[] = () => [],
  labelsShown: HienTruongTestApi['labelsShown'] = () => [],
): void {
  if (!handle) {
    delete window.__hientruong;
    return;
  }
  const { map, overlay, container } = handle;
  const find = (code: string) => reports().find((r) => r.code === code);
  window.__hientruong = {
    deck: overlay,
    map,
    reportsShown: () => reports().map((r) => r.code),
    viewportPositionOf(code) {
      const r = find(code);
      if (!r) return null;
      const p = map.project([r.lng, r.lat]);
      const box = container.getBoundingClientRect();
      return [box.left + p.x, box.top + p.y];
    },
    pickAt(x, y) {
      const box = container.getBoundingClientRect();
      const info = overlay.pickObject({ x: x - box.left, y: y - box.top, radius: 4, layerIds: [REPORTS_LAYER_ID] });
      return (info?.object as PlacedReport | undefined)?.code ?? null;
    },
    hexagons,
    sensitiveCells,
    alertsShown,
    labelsShown,
    idle: () =>
      new Promise((resolve) => (map.loaded() && !map.isMoving() ? resolve() : map.once('idle', () => resolve()))),
  };
}
