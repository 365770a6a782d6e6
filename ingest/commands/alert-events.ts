// Shared by the alert commands: sending a version out (in the caller's transaction) and the event it appends.
import { ALERT_EVENT_KIND, type AlertEventPayload } from '../../domain/alert-event.ts';
import type { AlertChange } from '../../domain/alert-vocabulary.ts';
import type { Tx } from '../../sql/db.ts';
import { getAlert, setAlertState, type AlertRow } from '../../sql/queries/alerts.ts';
import { appendEvents } from '../../sql/queries/events.ts';
import { errors } from '../../domain/errors.ts';

export function alertEventPayload(
  a: AlertRow,
  change: AlertChange,
  at: Date,
  replaced: AlertRow | null = null,
): AlertEventPayload {
  return {
    alertId: a.id,
    change,
    replaces: replaced?.id ?? null,
    category: a.category,
    severity: a.severity,
    urgency: a.urgency,
    headline: a.title,
    headlineEn: a.title_en,
    effective: a.effective.toISOString(),
    expires: a.expires.toISOString(),
    bounds: a.area_bounds,
    areaCodes: a.area_codes,
    // An update must also reach screens that saw the old area only, so they drop it.
    cells: replaced ? [...new Set([...a.cells, ...replaced.cells])] : a.cells,
    at: at.toISOString(),
  };
}

export const appendAlertEvent = (tx: Tx, payload: AlertEventPayload) =>
  appendEvents(tx, [{ reportId: null, kind: ALERT_EVENT_KIND, payload }]);

/**
 * Sends an approved version out now: an Update supersedes the version it references in the same
 * transaction, and the `alert` event is appended there too, so screens hear it exactly when it commits.
 */
export async function sendOut(
  tx: Tx,
  row: AlertRow,
  now: Date,
  approver?: { userId: string | null; name: string },
): Promise<AlertRow> {
  let replaced: AlertRow | null = null;
  if (row.msg_type === 'Update') {
    const old = await getAlert(tx, row.references_id!, true);
    if (old?.state !== 'published')
      throw errors.alertNotActive({ id: row.references_id!, state: old?.state ?? 'missing' });
    replaced = await setAlertState(tx, old.id, 'superseded');
  }
  const sent = await setAlertState(tx, row.id, 'published', {
    sentAt: now,
    approvedBy: approver?.userId,
    approvedByName: approver?.name,
  });
  await appendAlertEvent(tx, alertEventPayload(sent, replaced ? 'updated' : 'published', now, replaced));
  return sent;
}
