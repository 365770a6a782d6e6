// A moderator clears a photo for the public, or keeps it private, saying why.
import { withTransaction, type Db } from '../../sql/db.ts';
import { setModeration, type PhotoRow } from '../../sql/queries/photos.ts';
import { errors } from '../../domain/errors.ts';
import type { StaffActor } from '../policies/roles.ts';

export async function moderatePhoto(
  db: Db,
  actor: StaffActor,
  photoId: string,
  input: { decision: 'approve' | 'reject'; reason?: string },
): Promise<PhotoRow> {
  return withTransaction(db, async (tx) => {
    const row = await setModeration(tx, photoId, {
      decision: input.decision === 'approve' ? 'approved' : 'rejected',
      reason: input.reason?.trim() || null,
      staffId: actor.userId,
    });
    if (!row) throw errors.notFound('photo');
    return row;
  });
}
