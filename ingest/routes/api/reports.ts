// /api/v1/reports: validate -> authorise -> one command -> present.
import Router from '@koa/router';
import type { IngestState } from '../../context.ts';
import { readDbFor } from '../../public-reads.ts';
import { idempotencyKeyOf } from '../../citizen/idempotency.ts';
import { submitCitizenReport } from '../../citizen/submit-report.ts';
import { listPhotos } from '../../../sql/queries/photos.ts';
import { findReportIdByCode } from '../../../sql/queries/track.ts';
import { normaliseTrackingCode } from '../../schemas/track-input.ts';
import { photoUrls, presentStaffPhoto } from '../../presenters/track-presenter.ts';
import { parseSubmission } from '../../citizen/multipart.ts';
import { photoUpload } from '../../citizen/photo-upload.ts';
import { cleanBody, mediaOf } from '../../citizen/submission-parts.ts';
import { invalidFields, parseOr422 } from '../../schemas/validate.ts';
import { errors, fieldIssue, reasons } from '../../../domain/errors.ts';
import { presentPublicReport, presentStaffReport } from '../../presenters/report-presenters.ts';
import { reportListQuerySchema } from '../../schemas/report-input.ts';
import { findReport, snapshotReports } from '../../../sql/queries/reports.ts';
import type { ReportSnapshotDTO } from '../../presenters/dto.ts';
import { canSeeReporterContact, canSeeStaffReport } from '../../policies/permissions.ts';
import { mayPublishReportRow } from '../../../geo/privacy.ts';
import type { Actor } from '../../policies/roles.ts';
import type { ReportRow } from '../../../sql/queries/reports.ts';

// Staff detail only within the caller's remit (an agency officer: its agency); everyone else gets the public view.
const staffMaySee = (actor: Actor, r: ReportRow) => canSeeStaffReport(actor, { agency_id: r.agency_id, unit_id: null });

/** Staff detail within the caller's remit (contact only for those who act), else the public row, if it may exist. */
export function presentFor(actor: Actor, r: ReportRow, sensitive: ReadonlySet<string>) {
  if (staffMaySee(actor, r)) return presentStaffReport(r, { contact: canSeeReporterContact(actor) });
  const isSensitive = sensitive.has(r.category);
  return mayPublishReportRow(isSensitive) ? presentPublicReport(r, isSensitive) : null;
}

/** A call typed in by staff is the hotline channel; a citizen's own submission cannot claim it. */
function refuseHotlineFromPublic(actor: Actor, body: unknown): void {
  if ((body as { channel?: unknown } | null)?.channel === 'hotline' && actor.kind !== 'staff')
    throw invalidFields([fieldIssue('channel', reasons.hotlineIsForStaff)]);
}

export const reportsRouter = new Router<IngestState>({ prefix: '/api/v1/reports' });

reportsRouter.post('/', async (ctx) => {
  const key = idempotencyKeyOf(ctx);
  const { deps, actor } = ctx.state;
  let answer;
  if (ctx.is('multipart/form-data')) {
    const parsed = await parseSubmission(ctx.req);
    try {
      const body = cleanBody(parsed.report);
      refuseHotlineFromPublic(actor, body);
      answer = (await submitCitizenReport(deps, body, key, photoUpload(parsed.photos, mediaOf(deps)))).answer;
    } finally {
      await parsed.cleanup();
    }
  } else {
    refuseHotlineFromPublic(actor, ctx.request.body);
    answer = (await submitCitizenReport(deps, ctx.request.body, key)).answer;
  }
  ctx.status = 201;
  ctx.set('Location', `/api/v1/reports/${answer.id}`);
  ctx.body = answer;
});

reportsRouter.get('/', async (ctx) => {
  const query = parseOr422(reportListQuerySchema, ctx.query);
  const { deps, actor } = ctx.state;
  const { lastEventId, rows } = await snapshotReports(readDbFor(ctx.state), query);
  const reports = rows.flatMap((r) => presentFor(actor, r, deps.catalog.sensitive) ?? []);
  ctx.body = { lastEventId, reports } satisfies ReportSnapshotDTO;
});

reportsRouter.get('/:id', async (ctx) => {
  const { deps, actor } = ctx.state;
  const param = ctx.params.id;
  // A tracking code works too (TH-7KQ4-9XPM or TH-2026-001316): it is what a citizen has in hand.
  const byCode = !/^\d+$/.test(param) && /^[A-Za-z0-9]{1,10}-/.test(param);
  if (!byCode && !/^\d{1,18}$/.test(param)) throw errors.invalidId(fieldIssue('id', reasons.reportIdOrCode));
  const id = byCode ? await findReportIdByCode(deps.db, normaliseTrackingCode(param)) : param;
  const row = id ? await findReport(deps.db, id) : null;
  // A sensitive report the caller may not see in detail does not exist for them (geo/privacy.ts).
  const dto = row && presentFor(actor, row, deps.catalog.sensitive);
  if (!dto) throw errors.notFound('report');
  // Staff detail carries every photo with its moderation state; the public map's detail only approved ones.
  const staff = 'reporter' in dto;
  const photos = await listPhotos(deps.db, dto.id, !staff);
  ctx.body = { ...dto, photos: photos.map((p) => (staff ? presentStaffPhoto(p) : photoUrls(p.id))) };
});
