// What an `alert` notice alone tells a screen, applied to its list at once: the banner shows the headline in the
// same moment a report's notice shows the report; the text and the area to draw follow with the list over HTTP.
import type { AlertDTO } from '../../ingest/presenters/dto.ts';
import type { AlertNotice } from '../../realtime/protocol.ts';

/** An alert as far as its notice tells: no message text or area yet (an empty area is matched by its bounds). */
export function alertFromNotice(n: AlertNotice): AlertDTO {
  return {
    id: n.alertId,
    msgType: n.replaces ? 'Update' : 'Alert',
    references: n.replaces,
    state: 'published',
    title: n.headline,
    body: '',
    titleEn: n.headlineEn,
    bodyEn: null,
    category: n.category,
    severity: n.severity,
    urgency: n.urgency,
    certainty: '',
    effective: n.effective,
    expires: n.expires,
    sentAt: n.at,
    areaDesc: '',
    areaCodes: n.areaCodes,
    bounds: n.bounds,
    geometry: { type: 'MultiPolygon', coordinates: [] },
    capUrl: `/api/v1/alerts/${n.alertId}.cap`,
  };
}

/** The list after a notice: a new version in front (replacing the one it updates), a cancelled or expired one out. */
export function applyAlertNotice(alerts: AlertDTO[], n: AlertNotice): AlertDTO[] {
  const known = alerts.find((a) => a.id === n.alertId);
  const rest = alerts.filter((a) => a.id !== n.alertId && a.id !== n.replaces);
  if (n.change === 'cancelled' || n.change === 'expired') return rest;
  return [known ?? alertFromNotice(n), ...rest];
}

/** Whether the alert is still only what its notice told (no area to draw or test yet). */
export const fromNoticeOnly = (a: Pick<AlertDTO, 'geometry'>) => a.geometry.coordinates.length === 0;

/**
 * The list after a reload over HTTP. An alert known only from its notice that the reload does not hold yet (an
 * answer shared by screens, or a replica a moment behind) is kept, and so is hiding the version it replaced.
 */
export function applyReload(alerts: AlertDTO[], reloaded: AlertDTO[]): AlertDTO[] {
  const ahead = alerts.filter((a) => fromNoticeOnly(a) && !reloaded.some((r) => r.id === a.id));
  const replaced = new Set(ahead.map((a) => a.references));
  return [...ahead, ...reloaded.filter((r) => !replaced.has(r.id))];
}
