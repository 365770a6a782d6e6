// A new alert, or a new version of one (CAP Update): stored with its H3 cover, and sent out at once unless
// its severity needs a second publisher or it is scheduled for later.
import { withTransaction, type Db } from '../../sql/db.ts';
import { getAlert, hasLiveSuccessor, insertAlert, type AlertRow } from '../../sql/queries/alerts.ts';
import { resolveAlertArea } from '../alerts/resolve-area.ts';
import { needsSecondPublisher } from '../policies/alerts.ts';
import type { StaffActor } from '../policies/roles.ts';
import type { AlertInput } from '../schemas/alert-input.ts';
import { sendOut } from './alert-events.ts';
import { errors } from '../../domain/errors.ts';
import { staffCommand } from './command.ts';

export interface ComposeOptions {
  /** The version this one updates (CAP Update). */
  updates?: string;
  /** Publish itself at this time (scheduled outages) instead of now. */
  publishAt?: Date;
  source?: string;
  now?: Date;
}

export const composeAlert = staffCommand('publish_alerts', runComposeAlert);
async function runComposeAlert(
  db: Db,
  actor: StaffActor,
  input: AlertInput,
  opts: ComposeOptions = {},
): Promise<AlertRow> {
  const now = opts.now ?? new Date();
  const area = await resolveAlertArea(db, input.area); // geometry work outside the transaction
  return withTransaction(db, async (tx) => {
    if (opts.updates) {
      const old = await getAlert(tx, opts.updates, true);
      if (old?.state !== 'published' || old.msg_type === 'Cancel')
        throw errors.alertNotActive({ id: opts.updates, state: old?.state ?? 'missing' });
      if (await hasLiveSuccessor(tx, opts.updates)) throw errors.updatePending(opts.updates);
    }
    const twoPerson = needsSecondPublisher(input.severity);
    const later = opts.publishAt && opts.publishAt > now;
    const row = await insertAlert(tx, {
      msg_type: opts.updates ? 'Update' : 'Alert',
      references_id: opts.updates ?? null,
      state: twoPerson ? 'pending_approval' : later ? 'scheduled' : 'pending_approval',
      title: input.title,
      body: input.body,
      title_en: input.titleEn || null,
      body_en: input.bodyEn || null,
      category: input.category,
      severity: input.severity,
      urgency: input.urgency,
      certainty: input.certainty,
      effective: new Date(input.effective),
      expires: new Date(input.expires),
      area: input.area,
      area_desc: area.areaDesc,
      area_codes: area.areaCodes,
      area_geometry: area.geometry,
      area_bounds: area.bounds,
      cells: area.cells,
      created_by: actor.userId,
      created_by_name: actor.name,
      publish_at: opts.publishAt ?? null,
      sent_at: null,
      source: opts.source ?? 'staff',
    });
    if (twoPerson || later) return row;
    return sendOut(tx, row, now);
  });
}
