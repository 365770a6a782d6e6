// The second publisher's approval of a Severe/Extreme alert: it goes out now (or at its scheduled time).
import { withTransaction, type Db } from '../../sql/db.ts';
import { getAlert, setAlertState, type AlertRow } from '../../sql/queries/alerts.ts';
import { DomainError } from '../../domain/errors.ts';
import { canApproveAlert } from '../policies/alerts.ts';
import type { StaffActor } from '../policies/roles.ts';
import { conflict, sendOut } from './alert-events.ts';

export async function approveAlert(db: Db, actor: StaffActor, id: string, now = new Date()): Promise<AlertRow> {
  return withTransaction(db, async (tx) => {
    const row = await getAlert(tx, id, true);
    if (!row) throw new DomainError('not_found', 'not_found', 'Alert not found', 'Không tìm thấy cảnh báo');
    if (row.state !== 'pending_approval')
      throw conflict(
        'not_pending',
        `Alert ${id} is ${row.state}, not waiting for approval`,
        'Cảnh báo không chờ duyệt',
      );
    if (!canApproveAlert(actor, row))
      throw new DomainError(
        'forbidden',
        'two_person_rule',
        'A second publisher, not the author, must approve a Severe or Extreme alert',
        'Cảnh báo mức Nghiêm trọng/Cực kỳ nghiêm trọng phải do một người khác phê duyệt',
      );
    const approver = { userId: actor.userId, name: actor.name };
    if (row.publish_at && row.publish_at > now)
      return setAlertState(tx, id, 'scheduled', { approvedBy: approver.userId, approvedByName: approver.name });
    return sendOut(tx, row, now, approver);
  });
}
