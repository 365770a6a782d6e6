// The queue's bulk actions (triage, reject with a reason, merge) and each staff member's saved filters.
import Router from '@koa/router';
import { deleteSavedFilter, listSavedFilters, saveFilter } from '../../../sql/queries/saved-filters.ts';
import { bulkMerge, bulkTransition } from '../../commands/bulk-queue-actions.ts';
import type { IngestState } from '../../context.ts';
import { errors } from '../../../domain/errors.ts';
import { presentQueueItem } from '../../presenters/dispatch-presenters.ts';
import type { SavedFilterDTO } from '../../presenters/dto.ts';
import { canViewQueue } from '../../policies/permissions.ts';
import type { Actor } from '../../policies/roles.ts';
import {
  bulkMergeSchema,
  bulkTransitionSchema,
  queueFilterSchema,
  savedFilterSchema,
} from '../../schemas/dispatch-input.ts';
import { parseOr422 } from '../../schemas/validate.ts';
import { authorize, idParam, notFound, permittedTo, requireStaff } from './guard.ts';

export const queueActionsRouter = new Router<IngestState>({ prefix: '/api/v1/queue' });

queueActionsRouter.post('/bulk/transition', async (ctx) => {
  const { deps } = ctx.state;
  const actor = permittedTo(ctx.state.actor, bulkTransition);
  const input = parseOr422(bulkTransitionSchema, ctx.request.body);
  const rows = await bulkTransition(deps.db, actor, input, deps.catalog.sensitive);
  const now = new Date();
  ctx.body = { items: rows.map((r) => presentQueueItem(r, actor, now)) };
});

queueActionsRouter.post('/bulk/merge', async (ctx) => {
  const { deps } = ctx.state;
  const actor = permittedTo(ctx.state.actor, bulkMerge);
  const input = parseOr422(bulkMergeSchema, ctx.request.body);
  const { reports, primary } = await bulkMerge(deps.db, actor, input, deps.catalog.sensitive);
  const now = new Date();
  ctx.body = {
    items: reports.map((r) => presentQueueItem(r, actor, now)),
    primary: presentQueueItem(primary, actor, now),
  };
});

/** Saved filters belong to an account: the kiosk and unit phones have none. */
function accountOf(actor: Actor): string {
  const staff = requireStaff(actor);
  authorize(canViewQueue(actor) && staff.userId !== null, 'keep saved filters');
  return staff.userId!;
}

queueActionsRouter.get('/filters', async (ctx) => {
  const userId = accountOf(ctx.state.actor);
  ctx.body = { filters: await listSavedFilters(ctx.state.deps.db, userId) } satisfies { filters: SavedFilterDTO[] };
});

queueActionsRouter.post('/filters', async (ctx) => {
  const userId = accountOf(ctx.state.actor);
  const input = parseOr422(savedFilterSchema, ctx.request.body);
  // Only what the queue accepts is kept, so a saved filter always loads.
  const check = queueFilterSchema.strict().safeParse(input.query);
  if (!check.success) throw errors.badQueueFilter();
  ctx.status = 201;
  ctx.body = (await saveFilter(ctx.state.deps.db, userId, input.name, input.query)) satisfies SavedFilterDTO;
});

queueActionsRouter.delete('/filters/:id', async (ctx) => {
  const userId = accountOf(ctx.state.actor);
  if (!(await deleteSavedFilter(ctx.state.deps.db, userId, idParam(ctx)))) throw notFound('savedFilter');
  ctx.status = 204;
});
