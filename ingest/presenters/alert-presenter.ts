// Alert rows -> JSON for the API. Public: the official text and area; publishers also see who and when.
import type { AlertRow } from '../../sql/queries/alerts.ts';
import type { AlertDTO } from './dto.ts';

export function presentAlert(a: AlertRow, forPublisher: boolean): AlertDTO {
  return {
    id: a.id,
    msgType: a.msg_type,
    references: a.references_id,
    state: a.state,
    title: a.title,
    body: a.body,
    titleEn: a.title_en,
    bodyEn: a.body_en,
    category: a.category,
    severity: a.severity,
    urgency: a.urgency,
    certainty: a.certainty,
    effective: a.effective.toISOString(),
    expires: a.expires.toISOString(),
    sentAt: a.sent_at?.toISOString() ?? null,
    areaDesc: a.area_desc,
    areaCodes: a.area_codes,
    bounds: a.area_bounds,
    geometry: a.area_geometry,
    capUrl: `/api/v1/alerts/${a.id}.cap`,
    ...(forPublisher
      ? {
          desk: {
            createdByName: a.created_by_name,
            approvedByName: a.approved_by_name,
            publishAt: a.publish_at?.toISOString() ?? null,
            source: a.source,
            needsApproval: a.state === 'pending_approval',
          },
        }
      : {}),
  };
}
