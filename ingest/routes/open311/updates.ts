// FixMyStreet's Open311 extension: GET servicerequestupdates (the public steps of every request since a date)
// and POST servicerequestupdates (a citizen's comment relayed by a client, kept for staff).
import { errors } from '../../../domain/errors.ts';
import { presentRequestUpdate } from '../../presenters/open311-presenters.ts';
import { mayPublishReportRow } from '../../../geo/privacy.ts';
import { open311UpdateInput, open311UpdatesQuery } from '../../schemas/open311-input.ts';
import { findReportIdByCode, insertRequestUpdate, listPublicUpdates } from '../../../sql/queries/open311.ts';
import { sendList } from './format.ts';
import { open311Router, parseOr400, requireClient } from './common.ts';
import { DEFAULT_WINDOW_DAYS, MAX_REQUESTS } from './requests.ts';

export const open311UpdatesRouter = open311Router();

open311UpdatesRouter.get('/servicerequestupdates.:format', async (ctx) => {
  const q = parseOr400(open311UpdatesQuery, ctx.query);
  const to = q.end_date ? new Date(q.end_date) : new Date();
  const from = q.start_date ? new Date(q.start_date) : new Date(to.getTime() - DEFAULT_WINDOW_DAYS * 86_400_000);
  const rows = await listPublicUpdates(ctx.state.deps.db, from, to, MAX_REQUESTS);
  sendList(
    ctx,
    'service_request_updates',
    'request_update',
    // A sensitive report has no public row, so no public update either (geo/privacy.ts).
    rows
      .filter((r) => mayPublishReportRow(ctx.state.deps.catalog.sensitive.has(r.category)))
      .map((r) =>
        presentRequestUpdate({
          id: r.id,
          code: r.code,
          toStatus: r.to_status,
          reason: r.reason,
          publicReply: r.public_reply,
          at: r.at,
        }),
      ),
  );
});

open311UpdatesRouter.post('/servicerequestupdates.:format', async (ctx) => {
  const { deps } = ctx.state;
  const client = await requireClient(ctx, deps);
  const input = parseOr400(open311UpdateInput, ctx.request.body ?? {});
  const reportId = await findReportIdByCode(deps.db, input.service_request_id);
  if (!reportId) throw errors.noReportWithCode(input.service_request_id);
  const id = await insertRequestUpdate(deps.db, {
    reportId,
    clientId: client.id,
    clientUpdateId: input.update_id,
    status: input.status,
    description: input.description,
    mediaUrl: input.media_url ?? null,
    authorName: [input.first_name, input.last_name].filter(Boolean).join(' ') || null,
    email: input.email ?? null,
    updatedAt: new Date(input.updated_datetime),
  });
  sendList(ctx, 'service_request_updates', 'request_update', [{ update_id: id }]);
});
