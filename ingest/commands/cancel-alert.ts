// Cancelling: an alert that went out gets a CAP Cancel message (a new row referencing it) and the feed tells
// the same screens to drop it; a draft that never went out is only marked cancelled. Nothing is deleted.
import { withTransaction, type Db } from '../../sql/db.ts';
import {
  getAlert,
  insertAlert,
  setAlertState,
  withdrawDraftSuccessors,
  type AlertRow,
} from '../../sql/queries/alerts.ts';
import { errors } from '../../domain/errors.ts';
import type { StaffActor } from '../policies/roles.ts';
import { alertEventPayload, appendAlertEvent } from './alert-events.ts';
import { staffCommand } from './command.ts';

export const cancelAlert = staffCommand('publish_alerts', runCancelAlert);
async function runCancelAlert(
  db: Db,
  actor: StaffActor,
  id: string,
  note: string | undefined,
  now = new Date(),
): Promise<AlertRow> {
  return withTransaction(db, async (tx) => {
    const row = await getAlert(tx, id, true);
    if (!row) throw errors.notFound('alert');
    if (row.state === 'pending_approval' || row.state === 'scheduled') return setAlertState(tx, id, 'cancelled');
    if (row.state !== 'published' || row.msg_type === 'Cancel') throw errors.alertNotActive({ id, state: row.state });
    // An update still waiting for approval would otherwise bring the cancelled alert back.
    await withdrawDraftSuccessors(tx, id);
    const cancelled = await setAlertState(tx, id, 'cancelled');
    // The Cancel message repeats the cancelled alert's info (CAP), as a row of its own.
    const message = await insertAlert(tx, {
      ...row,
      msg_type: 'Cancel',
      references_id: row.id,
      state: 'published',
      body: note ? `${note}\n\n${row.body}` : row.body,
      created_by: actor.userId,
      created_by_name: actor.name,
      approved_by: null,
      approved_by_name: null,
      publish_at: null,
      sent_at: now,
    });
    await appendAlertEvent(tx, alertEventPayload(cancelled, 'cancelled', now));
    return message;
  });
}
