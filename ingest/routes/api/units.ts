// Field units: list, live position from the phone, status, nearest available for a report, assign in one action.
import Router from '@koa/router';
import { scopeOfRole } from '../../../domain/roles.ts';
import { findDispatchReport } from '../../../sql/queries/dispatch-reports.ts';
import { listUnits } from '../../../sql/queries/units.ts';
import { categoryTrade } from '../../../sql/queries/catalog.ts';
import { assignUnit } from '../../commands/assign-unit.ts';
import { updateUnitState } from '../../commands/update-unit.ts';
import type { IngestState } from '../../context.ts';
import { nearestAvailable } from '../../dispatch/proximity.ts';
import { presentQueueItem, presentUnit } from '../../presenters/dispatch-presenters.ts';
import type { NearestUnitsDTO, UnitDTO } from '../../presenters/dto.ts';
import { canSuggestForReport, canViewUnits } from '../../policies/permissions.ts';
import {
  assignSchema,
  nearestQuerySchema,
  unitPositionSchema,
  unitStatusSchema,
} from '../../schemas/dispatch-input.ts';
import { parseOr422 } from '../../schemas/validate.ts';
import { authorize, idParam, notFound, permittedTo, requireStaff } from './guard.ts';

export const unitsRouter = new Router<IngestState>({ prefix: '/api/v1' });

const unitIdParam = (id: string) => (/^[a-z0-9-]{2,64}$/.test(id) ? id : '-');

unitsRouter.get('/units', async (ctx) => {
  const { actor, deps } = ctx.state;
  const staff = requireStaff(actor);
  authorize(canViewUnits(actor), 'view units');
  const agencyId = scopeOfRole(staff.role) === 'province' ? null : staff.agencyId;
  ctx.body = { units: (await listUnits(deps.db, { agencyId })).map(presentUnit) } satisfies { units: UnitDTO[] };
});

unitsRouter.post('/units/:unitId/position', async (ctx) => {
  const { deps } = ctx.state;
  const actor = permittedTo(ctx.state.actor, updateUnitState);
  const input = parseOr422(unitPositionSchema, ctx.request.body);
  ctx.body = presentUnit(await updateUnitState(deps.db, actor, { unitId: unitIdParam(ctx.params.unitId), ...input }));
});

unitsRouter.post('/units/:unitId/status', async (ctx) => {
  const { deps } = ctx.state;
  const actor = permittedTo(ctx.state.actor, updateUnitState);
  const input = parseOr422(unitStatusSchema, ctx.request.body);
  ctx.body = presentUnit(await updateUnitState(deps.db, actor, { unitId: unitIdParam(ctx.params.unitId), ...input }));
});

unitsRouter.get('/reports/:id/units/nearest', async (ctx) => {
  const id = idParam(ctx);
  const { actor, deps } = ctx.state;
  requireStaff(actor);
  const q = parseOr422(nearestQuerySchema, ctx.query);
  const report = await findDispatchReport(deps.db, id);
  if (!report) throw notFound('report');
  authorize(canSuggestForReport(actor, report), 'suggest units for this report');
  const staff = requireStaff(actor);
  const units = await listUnits(deps.db, {
    statuses: ['available'],
    agencyId: scopeOfRole(staff.role) === 'agency' ? staff.agencyId : null,
  });
  const trade = await categoryTrade(deps.db, report.category);
  ctx.body = {
    units: nearestAvailable(units, report, q.limit, report.agency_id, trade).map(presentUnit),
    routed: { agencyId: report.agency_id, trade },
  } satisfies NearestUnitsDTO;
});

unitsRouter.post('/reports/:id/assign', async (ctx) => {
  const { deps } = ctx.state;
  const actor = permittedTo(ctx.state.actor, assignUnit);
  const id = idParam(ctx);
  const input = parseOr422(assignSchema, ctx.request.body);
  const { report, unit } = await assignUnit(deps.db, actor, { reportId: id, ...input }, deps.catalog.sensitive);
  ctx.body = { report: presentQueueItem(report, actor, new Date()), unit: presentUnit(unit) };
});
