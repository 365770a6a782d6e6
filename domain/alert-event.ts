// The `alert` event of the feed log: what happened to which alert, and the cells that decide who hears it.
import type { AlertChange } from './alert-vocabulary.ts';

export const ALERT_EVENT_KIND = 'alert';

/** Public by construction: an alert is official information for everyone in its area. */
export interface AlertEventPayload {
  alertId: string;
  change: AlertChange;
  /** The version this one replaces (an update), so screens drop it. */
  replaces: string | null;
  category: string;
  severity: string;
  urgency: string;
  headline: string;
  headlineEn: string | null;
  effective: string;
  expires: string;
  /** [west, south, east, north] of the area, for a screen's own viewport test. */
  bounds: number[];
  areaCodes: string[];
  /** The compact H3 cover (res 7–9) of the area (of both versions for an update): the feed routes by it. */
  cells: string[];
  at: string;
}
