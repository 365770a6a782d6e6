// Reports as points: fill = category colour, ring + opacity = status; the selected one grows.
import { ScatterplotLayer } from '@deck.gl/layers';
import type { Report } from '../data/types.ts';
import { FALLBACK_CATEGORY, statusLine, statusStyles, type RGB, type RGBA, type Theme } from './palette.ts';

export interface ReportsFilters {
  theme: Theme;
  categoryColors: Record<string, RGB>;
  selectedId?: string | null;
  visible?: boolean;
}

export type PlacedReport = Report & { lat: number; lng: number };

export const REPORTS_LAYER_ID = 'reports';

/** Only reports with a position can be drawn (sensitive public ones have none). */
export function placedReports(reports: Report[]): PlacedReport[] {
  return reports.filter((r): r is PlacedReport => r.lat !== null && r.lng !== null);
}

export function reportsLayer(reports: Report[], f: ReportsFilters) {
  const selected = f.selectedId ?? null;
  return new ScatterplotLayer<PlacedReport>({
    id: REPORTS_LAYER_ID,
    data: placedReports(reports),
    visible: f.visible ?? true,
    pickable: true,
    stroked: true,
    filled: true,
    radiusUnits: 'pixels',
    lineWidthUnits: 'pixels',
    getPosition: (r) => [r.lng, r.lat],
    getRadius: (r) => (r.id === selected ? 11 : 6),
    getFillColor: (r): RGBA => [
      ...(f.categoryColors[r.category] ?? FALLBACK_CATEGORY),
      (statusStyles[r.status] ?? statusStyles.received).alpha,
    ],
    getLineColor: (r): RGBA => [...statusLine(r.status, f.theme), 255],
    getLineWidth: (r) => (r.id === selected ? 3 : (statusStyles[r.status] ?? statusStyles.received).width),
    updateTriggers: {
      getRadius: selected,
      getLineWidth: selected,
      getFillColor: f.categoryColors,
      getLineColor: f.theme,
    },
  });
}
