// Duplicate suggestions for a report, and merging a duplicate into the incident of the report it repeats.
import Router from '@koa/router';
import { findDispatchReport } from '../../../sql/queries/dispatch-reports.ts';
import { findDuplicateCandidates } from '../../../sql/queries/incidents.ts';
import { mergeIntoIncident } from '../../commands/merge-into-incident.ts';
import type { IngestState } from '../../context.ts';
import { duplicateCandidateCells } from '../../dispatch/proximity.ts';
import { presentQueueItem } from '../../presenters/dispatch-presenters.ts';
import { presentDuplicate } from '../../presenters/duplicate-presenter.ts';
import { canSeeStaffReport, canSuggestForReport } from '../../policies/permissions.ts';
import { mergeSchema } from '../../schemas/dispatch-input.ts';
import { parseOr422 } from '../../schemas/validate.ts';
import { authorize, idParam, notFound, permittedTo, requireStaff } from './guard.ts';

export const duplicatesRouter = new Router<IngestState>({ prefix: '/api/v1/reports' });

/** Reports of one problem arrive within hours of each other; three days either side is generous. */
export const DUPLICATE_WINDOW_HOURS = 72;

duplicatesRouter.get('/:id/duplicates', async (ctx) => {
  const id = idParam(ctx);
  const { actor, deps } = ctx.state;
  requireStaff(actor);
  const report = await findDispatchReport(deps.db, id);
  if (!report) throw notFound('report');
  authorize(canSuggestForReport(actor, report), 'see duplicates of this report');
  const staff = requireStaff(actor);
  const found = await findDuplicateCandidates(deps.db, {
    excludeId: id,
    category: report.category,
    cells: duplicateCandidateCells(report.h3_cell),
    around: report.created_at,
    windowHours: DUPLICATE_WINDOW_HOURS,
    limit: 20,
    agencyId: staff.role === 'agency_officer' ? (staff.agencyId ?? '-') : null,
  });
  // The same remit as the report's own routes: a candidate the caller may not open is not shown either.
  const rows = found.filter((r) => canSeeStaffReport(actor, r));
  const candidates = rows.map((r) => presentDuplicate(r, report));
  ctx.body = { reportId: id, candidates };
});

duplicatesRouter.post('/:id/merge', async (ctx) => {
  const { deps } = ctx.state;
  const actor = permittedTo(ctx.state.actor, mergeIntoIncident);
  const id = idParam(ctx);
  const input = parseOr422(mergeSchema, ctx.request.body);
  const { report, primary } = await mergeIntoIncident(
    deps.db,
    actor,
    { reportId: id, intoReportId: input.into, note: input.note },
    deps.catalog.sensitive,
  );
  const now = new Date();
  ctx.body = { report: presentQueueItem(report, actor, now), primary: presentQueueItem(primary, actor, now) };
});
