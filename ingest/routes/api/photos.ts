// Report photos: the images (public only once approved; staff always), moderation, and a report's photo list for staff.
import Router from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import { findPhoto, listPhotos } from '../../../sql/queries/photos.ts';
import { mediaOf } from '../../citizen/submission-parts.ts';
import { moderatePhoto } from '../../commands/moderate-photo.ts';
import type { IngestState } from '../../context.ts';
import { errors, fieldIssue, reasons } from '../../../domain/errors.ts';
import { canViewPendingPhotos } from '../../policies/permissions.ts';
import type { StaffPhotoDTO } from '../../presenters/dto.ts';
import { presentStaffPhoto } from '../../presenters/track-presenter.ts';
import { parseOr422 } from '../../schemas/validate.ts';
import { authorize, idParam, notFound, permittedTo, requireStaff } from './guard.ts';

export const photosRouter = new Router<IngestState>({ prefix: '/api/v1' });

export const moderationSchema = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  reason: z.string().trim().max(500).optional(),
});

function photoIdOf(ctx: Context): string {
  const id = String((ctx.params as { id: string }).id);
  if (!/^[0-9a-z]{16,32}$/.test(id)) throw errors.invalidId(fieldIssue('id', reasons.photoId));
  return id;
}

photosRouter.get('/photos/:id/:variant', async (ctx) => {
  const variant = ctx.params.variant;
  if (variant !== 'thumb' && variant !== 'display') throw notFound('photo');
  const { deps, actor } = ctx.state;
  const photo = await findPhoto(deps.db, photoIdOf(ctx));
  const staff = canViewPendingPhotos(actor);
  // Not yet approved (or rejected): it does not exist for the public, not even as a 403.
  if (!photo || (photo.moderation !== 'approved' && !staff)) throw notFound('photo');
  const bytes = await mediaOf(deps).get(variant === 'thumb' ? photo.thumb_key : photo.display_key);
  if (!bytes) throw notFound('photo');
  ctx.type = photo.content_type;
  ctx.set('X-Content-Type-Options', 'nosniff');
  // A photo can be rejected after approval: shared caches keep it an hour at most, staff copies stay private.
  ctx.set('Cache-Control', staff ? 'private, max-age=300' : 'public, max-age=3600');
  ctx.body = bytes;
});

photosRouter.post('/photos/:id/moderation', async (ctx) => {
  const { deps } = ctx.state;
  const staff = permittedTo(ctx.state.actor, moderatePhoto);
  const id = photoIdOf(ctx);
  const input = parseOr422(moderationSchema, ctx.request.body);
  ctx.body = presentStaffPhoto(
    await moderatePhoto(deps.db, staff, id, input, deps.catalog.sensitive),
  ) satisfies StaffPhotoDTO;
});

photosRouter.get('/reports/:id/photos', async (ctx) => {
  const { deps, actor } = ctx.state;
  requireStaff(actor);
  authorize(canViewPendingPhotos(actor), 'view report photos');
  const rows = await listPhotos(deps.db, idParam(ctx), false);
  ctx.body = { photos: rows.map(presentStaffPhoto) satisfies StaffPhotoDTO[] };
});
