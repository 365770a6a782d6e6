// POST /api/v1/reports/:id/transitions and GET /api/v1/reports/:id/timeline.
import Router from '@koa/router';
import { listPhotos } from '../../../sql/queries/photos.ts';
import { presentStaffPhoto } from '../../presenters/track-presenter.ts';
import { findDispatchReport, listTimeline } from '../../../sql/queries/dispatch-reports.ts';
import { transitionReport } from '../../commands/transition-report.ts';
import type { IngestState } from '../../context.ts';
import { presentQueueItem, presentTimeline } from '../../presenters/dispatch-presenters.ts';
import type { TimelineDTO } from '../../presenters/dto.ts';
import { canReadInternalTimeline } from '../../policies/permissions.ts';
import { transitionSchema } from '../../schemas/dispatch-input.ts';
import { parseOr422 } from '../../schemas/validate.ts';
import { authorize, idParam, notFound, permittedTo, requireStaff } from './guard.ts';

export const transitionsRouter = new Router<IngestState>({ prefix: '/api/v1/reports' });

transitionsRouter.post('/:id/transitions', async (ctx) => {
  const { deps } = ctx.state;
  const actor = permittedTo(ctx.state.actor, transitionReport);
  const id = idParam(ctx);
  const input = parseOr422(transitionSchema, ctx.request.body);
  // The command re-reads the row under lock and applies decideTransition(): 403/409/422 come from the policy.
  const row = await transitionReport(deps.db, actor, { reportId: id, ...input }, deps.catalog.sensitive);
  ctx.body = presentQueueItem(row, actor, new Date());
});

transitionsRouter.get('/:id/timeline', async (ctx) => {
  const id = idParam(ctx);
  const { actor, deps } = ctx.state;
  const report = await findDispatchReport(deps.db, id);
  if (!report) throw notFound('report');
  const rows = await listTimeline(deps.db, id);
  ctx.body = {
    reportId: id,
    entries: presentTimeline(rows, canReadInternalTimeline(actor, report)),
  } satisfies TimelineDTO;
});

transitionsRouter.get('/:id/dispatch', async (ctx) => {
  const id = idParam(ctx);
  const { actor, deps } = ctx.state;
  requireStaff(actor);
  const report = await findDispatchReport(deps.db, id);
  if (!report) throw notFound('report');
  authorize(canReadInternalTimeline(actor, report), 'read this report');
  const photos = (await listPhotos(deps.db, id, false)).map(presentStaffPhoto);
  ctx.body = { ...presentQueueItem(report, actor, new Date()), photos };
});
