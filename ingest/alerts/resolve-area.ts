// Turns the area of an alert request into what is stored: description, geometry, bounds and H3 cover.
import type { MultiPolygon } from 'geojson';
import { boundsOf, circlePolygon, coverArea, type AreaGeometry } from '../../geo/alert-area.ts';
import type { Db, Tx } from '../../sql/db.ts';
import { communesByCode } from '../../sql/queries/alerts.ts';
import { errors, fieldIssue, reasons, type Reason } from '../../domain/errors.ts';
import type { AlertAreaInput } from '../schemas/alert-input.ts';

export interface ResolvedArea {
  areaDesc: string;
  areaCodes: string[];
  /** Drawn on maps and written as CAP polygons: simplified commune shapes, or the polygon/circle itself. */
  geometry: MultiPolygon;
  bounds: number[];
  cells: string[];
}

const invalid = (field: string, why: Reason) => errors.invalid([fieldIssue(field, why)]);

const asMulti = (geometries: AreaGeometry[]): MultiPolygon => ({
  type: 'MultiPolygon',
  coordinates: geometries.flatMap((g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)),
});

export async function resolveAlertArea(db: Db | Tx, area: AlertAreaInput): Promise<ResolvedArea> {
  let exact: AreaGeometry[];
  let shown: AreaGeometry[];
  let areaDesc: string;
  let areaCodes: string[] = [];
  let field: string;
  if (area.communes) {
    field = 'area.communes';
    const codes = [...new Set(area.communes)];
    const found = await communesByCode(db, codes);
    const known = new Set(found.map((c) => c.code));
    const unknown = area.communes.findIndex((c) => !known.has(c));
    if (unknown >= 0) throw invalid(`area.communes.${unknown}`, reasons.unknownCommuneCode(area.communes[unknown]));
    exact = found.map((c) => c.geometry as AreaGeometry);
    shown = found.map((c) => c.display as AreaGeometry);
    areaDesc = found.map((c) => c.name).join(', ');
    areaCodes = found.map((c) => c.code);
  } else if (area.polygon) {
    field = 'area.polygon';
    exact = shown = [area.polygon];
    areaDesc = 'Khu vực khoanh trên bản đồ / Area drawn on the map';
  } else {
    field = 'area.circle';
    const { lat, lng, radiusM } = area.circle!;
    exact = shown = [circlePolygon(lat, lng, radiusM)];
    areaDesc = `Bán kính ${Math.round(radiusM)} m quanh ${lat.toFixed(5)}, ${lng.toFixed(5)} / within ${Math.round(radiusM)} m`;
  }
  let cells: string[] | null;
  try {
    cells = coverArea(exact);
  } catch {
    throw invalid(field, reasons.invalidPolygon);
  }
  if (cells === null) throw invalid(field, reasons.areaTooLarge);
  return { areaDesc, areaCodes, geometry: asMulti(shown), bounds: boundsOf(shown), cells };
}
