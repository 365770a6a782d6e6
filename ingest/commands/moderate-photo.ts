// A moderator clears a photo for the public, or keeps it private, saying why. The report's notice goes out with it
// (same status and version: only "look again"), so an open /track page fetches its photos over HTTP, where the
// presenter shows approved ones only; the notice itself never names a photo.
import { withTransaction, type Db } from '../../sql/db.ts';
import { findDispatchReport } from '../../sql/queries/dispatch-reports.ts';
import { setModeration, type PhotoRow } from '../../sql/queries/photos.ts';
import { errors } from '../../domain/errors.ts';
import type { StaffActor } from '../policies/roles.ts';
import { appendChangeEvents } from './change-events.ts';
import { staffCommand } from './command.ts';

export const moderatePhoto = staffCommand('moderate_photos', runModeratePhoto);
async function runModeratePhoto(
  db: Db,
  actor: StaffActor,
  photoId: string,
  input: { decision: 'approve' | 'reject'; reason?: string },
  sensitive: ReadonlySet<string>,
): Promise<PhotoRow> {
  return withTransaction(db, async (tx) => {
    const row = await setModeration(tx, photoId, {
      decision: input.decision === 'approve' ? 'approved' : 'rejected',
      reason: input.reason?.trim() || null,
      staffId: actor.userId,
    });
    if (!row) throw errors.notFound('photo');
    const report = await findDispatchReport(tx, row.report_id);
    if (report) await appendChangeEvents(tx, sensitive, [report]);
    return row;
  });
}
