// GET /api/v1/reports/:id/context: where it is in words, the reporter's other reports, the citizen's rating and
// reopening, canned replies. Canned replies are kept by supervisors (/api/v1/canned-replies).
import Router from '@koa/router';
import { greatCircleMetres } from '../../../geo/distance.ts';
import { findDispatchReport } from '../../../sql/queries/dispatch-reports.ts';
import {
  citizenFeedback,
  deleteCannedReply,
  insertCannedReply,
  listCannedReplies,
  nearestNamedPlace,
  reporterHistory,
} from '../../../sql/queries/report-context.ts';
import { audited } from '../../commands/admin-changes.ts';
import type { IngestState } from '../../context.ts';
import { errors } from '../../../domain/errors.ts';
import type { CannedReplyDTO, ReportContextDTO } from '../../presenters/dto.ts';
import { canViewAdmin } from '../../policies/admin.ts';
import { canReadInternalTimeline, canViewQueue, isDesk } from '../../policies/permissions.ts';
import { cannedReplySchema } from '../../schemas/admin-input.ts';
import { parseOr422 } from '../../schemas/validate.ts';
import { authorize, idParam, notFound, requireStaff } from './guard.ts';

export const reportContextRouter = new Router<IngestState>({ prefix: '/api/v1' });

reportContextRouter.get('/reports/:id/context', async (ctx) => {
  const id = idParam(ctx);
  const { actor, deps } = ctx.state;
  requireStaff(actor);
  const report = await findDispatchReport(deps.db, id);
  if (!report) throw notFound('report');
  authorize(canReadInternalTimeline(actor, report), 'read this report');
  // Other reports of the same phone may lie outside an agency's remit: the history is the desk's.
  const phone = !report.anonymous && isDesk(actor) ? report.reporter_phone : null;
  const [place, history, feedback, replies] = await Promise.all([
    nearestNamedPlace(deps.db, report.lat, report.lng),
    phone ? reporterHistory(deps.db, report.id, phone) : Promise.resolve([]),
    citizenFeedback(deps.db, report.id),
    listCannedReplies(deps.db, report.category),
  ]);
  ctx.body = {
    address: {
      commune: report.area_name,
      nearest: place
        ? { name: place.name, kind: place.kind, distanceM: Math.round(greatCircleMetres(report, place)) }
        : null,
    },
    lat: report.lat,
    lng: report.lng,
    reporterHistory: phone
      ? {
          count: history[0]?.total ?? 0,
          recent: history.map((h) => ({
            id: h.id,
            code: h.tracking_code,
            status: h.status,
            category: h.category,
            createdAt: h.created_at.toISOString(),
          })),
        }
      : null,
    rating: feedback.stars
      ? { stars: feedback.stars, comment: feedback.comment, at: feedback.rated_at!.toISOString() }
      : null,
    reopenedByReporter: feedback.reopened_at
      ? { at: feedback.reopened_at.toISOString(), reason: feedback.reopen_reason }
      : null,
    cannedReplies: replies,
  } satisfies ReportContextDTO;
});

reportContextRouter.get('/canned-replies', async (ctx) => {
  authorize(canViewQueue(requireStaff(ctx.state.actor)), 'read canned replies');
  ctx.body = { replies: await listCannedReplies(ctx.state.deps.db) } satisfies { replies: CannedReplyDTO[] };
});

reportContextRouter.post('/canned-replies', async (ctx) => {
  const actor = requireStaff(ctx.state.actor);
  authorize(canViewAdmin(actor), 'keep canned replies');
  const input = parseOr422(cannedReplySchema, ctx.request.body);
  if (input.category && !ctx.state.deps.catalog.has(input.category)) throw errors.unknownCategory(input.category);
  const row = await audited(
    ctx.state.deps.db,
    actor,
    { entity: 'canned_reply', id: '-', action: 'add' },
    async (tx) => ({
      before: null,
      after: await insertCannedReply(tx, { ...input, by: actor.userId }),
    }),
  );
  ctx.status = 201;
  ctx.body = row satisfies CannedReplyDTO;
});

reportContextRouter.post('/canned-replies/:id/delete', async (ctx) => {
  const actor = requireStaff(ctx.state.actor);
  authorize(canViewAdmin(actor), 'keep canned replies');
  const id = idParam(ctx);
  await audited(ctx.state.deps.db, actor, { entity: 'canned_reply', id, action: 'delete' }, async (tx) => {
    const gone = await deleteCannedReply(tx, id);
    if (!gone) throw notFound('cannedReply');
    return { before: gone, after: null };
  });
  ctx.status = 204;
});
