// The second publisher's approval of a Severe/Extreme alert: it goes out now (or at its scheduled time).
import { withTransaction, type Db } from '../../sql/db.ts';
import { getAlert, setAlertState, type AlertRow } from '../../sql/queries/alerts.ts';
import { errors } from '../../domain/errors.ts';
import { canApproveAlert } from '../policies/alerts.ts';
import type { StaffActor } from '../policies/roles.ts';
import { sendOut } from './alert-events.ts';
import { staffCommand } from './command.ts';

export const approveAlert = staffCommand('publish_alerts', runApproveAlert);
async function runApproveAlert(db: Db, actor: StaffActor, id: string, now = new Date()): Promise<AlertRow> {
  return withTransaction(db, async (tx) => {
    const row = await getAlert(tx, id, true);
    if (!row) throw errors.notFound('alert');
    if (row.state !== 'pending_approval') throw errors.alertNotPending({ id, state: row.state });
    if (!canApproveAlert(actor, row)) throw errors.twoPersonRule();
    const approver = { userId: actor.userId, name: actor.name };
    if (row.publish_at && row.publish_at > now)
      return setAlertState(tx, id, 'scheduled', { approvedBy: approver.userId, approvedByName: approver.name });
    return sendOut(tx, row, now, approver);
  });
}
