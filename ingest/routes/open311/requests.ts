// GeoReport v2 service requests: POST (an api_key client submits), GET a list, GET one, GET by token.
import type { Context } from 'koa';
import type { IngestDeps } from '../../context.ts';
import { errors } from '../../../domain/errors.ts';
import { submitOpen311Request } from '../../commands/submit-open311-request.ts';
import { presentPublicReport } from '../../presenters/report-presenters.ts';
import { mayPublishReportRow } from '../../../geo/privacy.ts';
import { presentServiceRequest, type Locale } from '../../presenters/open311-presenters.ts';
import {
  extendedAttributesXml,
  presentExtendedAttributes,
  presentNote,
  publicAttributes,
} from '../../presenters/open311-extensions.ts';
import { statusesOf } from '../../open311/status.ts';
import { listApprovedPhotoIds } from '../../../sql/queries/photos.ts';
import { open311RequestInput, open311RequestQuery, open311RequestsQuery } from '../../schemas/open311-input.ts';
import {
  findCodeByToken,
  listOpen311Reports,
  listPublicStepsOf,
  type Open311RequestFilter,
} from '../../../sql/queries/open311.ts';
import { formatOf, sendList } from './format.ts';
import { open311Router, parseOr400, questionsOf, requireClient, unknownService } from './common.ts';

export const open311RequestsRouter = open311Router();

/** The spec's defaults: without dates, the last 90 days; never more than 1,000 requests in one answer. */
export const DEFAULT_WINDOW_DAYS = 90;
export const MAX_REQUESTS = 1000;

interface ReadOptions {
  locale: Locale;
  /** `extensions=true`: each request carries `extended_attributes`, its approved photos linked from `origin`. */
  extensions: boolean;
  origin: string;
}

/** Reads go through the public presenter: Open311 shows what the public map shows, nothing more. */
async function presentRequests(deps: IngestDeps, filter: Open311RequestFilter, o: ReadOptions, xml: boolean) {
  // Open311 reads are anonymous: the public read pool (ingest/public-reads.ts).
  const db = deps.publicDb ?? deps.db;
  const found = await listOpen311Reports(db, filter);
  const en = o.locale === 'en';
  // A sensitive report has no public row (geo/privacy.ts): Open311 lists it no more than the public map does.
  const rows = found.filter((r) => mayPublishReportRow(deps.catalog.sensitive.has(r.category)));
  const ids = rows.map((r) => r.id);
  const [photos, steps] = o.extensions
    ? await Promise.all([listApprovedPhotoIds(db, ids), listPublicStepsOf(db, ids)])
    : [null, null];
  return rows.map((r) => {
    const pub = presentPublicReport(r, deps.catalog.sensitive.has(r.category));
    const serviceName = en ? r.category_name_en : r.category_name_vi;
    const request = presentServiceRequest(pub, {
      serviceName,
      agencyName: (en ? r.agency_name_en : r.agency_name_vi) ?? null,
      publicReply: r.public_reply,
    });
    if (!photos) return request;
    const extended = presentExtendedAttributes({
      serviceName,
      areaName: pub.areaName,
      status: pub.status,
      channel: r.channel,
      attributes: publicAttributes(r.answers, questionsOf(deps, r.category), o.locale),
      mediaUrls: (photos.get(r.id) ?? []).map((id) => `${o.origin}/api/v1/photos/${id}/display`),
    });
    // The wiki's Update History sits beside extended_attributes: each public step, oldest first.
    const notes = (steps.get(r.id) ?? []).map(presentNote);
    return {
      ...request,
      extended_attributes: xml ? extendedAttributesXml(extended) : extended,
      notes: xml ? (notes.length ? { note: notes } : {}) : notes,
    };
  });
}

const readOptions = (ctx: Context, q: { locale: Locale; extensions: boolean }): ReadOptions => ({
  ...q,
  origin: `${ctx.protocol}://${ctx.host}`,
});

open311RequestsRouter.post('/requests.:format', async (ctx) => {
  const { deps } = ctx.state;
  const client = await requireClient(ctx, deps);
  const input = parseOr400(open311RequestInput, ctx.request.body ?? {});
  const category = deps.catalog.categories.find((c) => c.code === input.service_code);
  if (!category) throw unknownService(input.service_code, true);
  const { row, token } = await submitOpen311Request(
    {
      db: deps.db,
      reportBatcher: deps.reportBatcher,
      report: {
        geocoder: deps.geocoder,
        sensitiveCategories: deps.catalog.sensitive,
        agencyRouting: deps.agencyRouting,
      },
      places: deps.placeSearch,
      questions: questionsOf(deps, category.code),
      serviceName: input.locale === 'en' ? category.nameEn : category.nameVi,
    },
    client,
    input,
  );
  ctx.status = 201;
  sendList(ctx, 'service_requests', 'request', [
    {
      service_request_id: row.tracking_code,
      token,
      service_notice:
        input.locale === 'en'
          ? `Received. Follow it with its code ${row.tracking_code}.`
          : `Đã tiếp nhận. Theo dõi bằng mã ${row.tracking_code}.`,
      account_id: input.account_id ?? null,
    },
  ]);
});

open311RequestsRouter.get('/requests.:format', async (ctx) => {
  const q = parseOr400(open311RequestsQuery, ctx.query);
  const { deps } = ctx.state;
  let filter: Open311RequestFilter;
  if (q.service_request_id) {
    // The spec: with ids, every other parameter is ignored.
    filter = { codes: q.service_request_id, limit: MAX_REQUESTS };
  } else {
    const to = q.end_date ? new Date(q.end_date) : new Date();
    const from = q.start_date ? new Date(q.start_date) : new Date(to.getTime() - DEFAULT_WINDOW_DAYS * 86_400_000);
    if (from > to) throw errors.startAfterEnd();
    if (q.service_code && !deps.catalog.has(q.service_code)) throw unknownService(q.service_code, true);
    filter = {
      category: q.service_code,
      statuses: q.status?.flatMap(statusesOf),
      from,
      to,
      limit: MAX_REQUESTS,
    };
  }
  const found = await presentRequests(deps, filter, readOptions(ctx, q), formatOf(ctx.path) === 'xml');
  sendList(ctx, 'service_requests', 'request', found);
});

open311RequestsRouter.get('/requests/:id.:format', async (ctx) => {
  const q = parseOr400(open311RequestQuery, ctx.query);
  const { id } = ctx.params;
  const xml = formatOf(ctx.path) === 'xml';
  const found = await presentRequests(ctx.state.deps, { codes: [id], limit: 1 }, readOptions(ctx, q), xml);
  if (!found.length) throw errors.noReportWithCode(id);
  sendList(ctx, 'service_requests', 'request', found);
});

open311RequestsRouter.get('/tokens/:token.:format', async (ctx) => {
  const code = await findCodeByToken(ctx.state.deps.db, ctx.params.token);
  if (!code) throw errors.noRequestToken(ctx.params.token);
  sendList(ctx, 'service_requests', 'request', [{ service_request_id: code, token: ctx.params.token }]);
});
