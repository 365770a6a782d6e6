// Areas of the active alerts in view, outlined and tinted by severity, under the report points.
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, Geometry } from 'geojson';
import type { AlertDTO } from '../../ingest/presenters/dto.ts';
import type { RGBA } from './palette.ts';

export const ALERTS_LAYER_ID = 'alerts';

const SEVERITY_COLOR: Record<string, RGBA> = {
  Extreme: [200, 30, 30, 255],
  Severe: [230, 90, 20, 255],
  Moderate: [235, 170, 20, 255],
  Minor: [40, 120, 200, 255],
};
export const severityColor = (s: string): RGBA => SEVERITY_COLOR[s] ?? [120, 120, 120, 255];

type AlertFeature = Feature<Geometry, { id: string; severity: string }>;

export function alertsLayer(alerts: AlertDTO[]) {
  const data: AlertFeature[] = alerts.map((a) => ({
    type: 'Feature',
    geometry: a.geometry,
    properties: { id: a.id, severity: a.severity },
  }));
  return new GeoJsonLayer<{ id: string; severity: string }>({
    id: ALERTS_LAYER_ID,
    data,
    pickable: false,
    stroked: true,
    filled: true,
    lineWidthUnits: 'pixels',
    getLineWidth: 2.5,
    getLineColor: (d: AlertFeature) => severityColor(d.properties.severity),
    getFillColor: (d: AlertFeature) => {
      const [r, g, b] = severityColor(d.properties.severity);
      return [r, g, b, 50];
    },
  });
}
