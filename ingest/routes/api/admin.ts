// /api/v1/admin: SLA deadlines, holidays, staff changes, field units, a routing preview and the audit trail.
// Administrators change; supervisors read. Routing rules, staff creation and unit tokens have their own routes.
import Router from '@koa/router';
import { listAudit } from '../../../sql/queries/admin-audit.ts';
import { listHolidays, listSla, type SlaRow } from '../../../sql/queries/admin-settings.ts';
import { listUnits } from '../../../sql/queries/units.ts';
import { changeStaff, removeHoliday, saveUnit, setHoliday } from '../../commands/admin-changes.ts';
import { changeSla, removeSla } from '../../commands/change-sla.ts';
import type { IngestState } from '../../context.ts';
import type { StaffActor } from '../../policies/roles.ts';
import { canViewAdmin } from '../../policies/admin.ts';
import { presentUnit } from '../../presenters/dispatch-presenters.ts';
import {
  auditQuerySchema,
  holidayDayParam,
  holidaySchema,
  holidaysQuerySchema,
  routingPreviewSchema,
  slaCategoryParam,
  slaPriorityParam,
  slaSchema,
  staffChangeSchema,
  unitSchema,
} from '../../schemas/admin-input.ts';
import { parseOr422 } from '../../schemas/validate.ts';
import { authorize, idParam, permittedTo, requireStaff } from './guard.ts';

export const adminRouter = new Router<IngestState>({ prefix: '/api/v1/admin' });

const reader = (ctx: { state: IngestState }): StaffActor => {
  const actor = requireStaff(ctx.state.actor);
  authorize(canViewAdmin(actor), 'view the administration screens');
  return actor;
};
const categoryParam = (raw: string) => parseOr422(slaCategoryParam, { category: raw }).category;
const priorityParam = (raw: string) => parseOr422(slaPriorityParam, { priority: raw }).priority;
const presentSla = (r: SlaRow) => ({
  category: r.category,
  forPriority: r.for_priority,
  responseAmount: r.response_amount,
  responseUnit: r.response_unit,
  resolutionAmount: r.resolution_amount,
  resolutionUnit: r.resolution_unit,
  priority: r.priority,
});

adminRouter.get('/sla', async (ctx) => {
  reader(ctx);
  const rows = await listSla(ctx.state.deps.db);
  ctx.body = { sla: rows.map(presentSla) };
});

adminRouter.post('/sla/:category', async (ctx) => {
  const actor = permittedTo(ctx.state.actor, changeSla);
  const input = parseOr422(slaSchema, ctx.request.body);
  const key = { category: categoryParam(ctx.params.category), for_priority: null };
  ctx.body = presentSla(await changeSla(ctx.state.deps.db, actor, key, input));
});

/** A category × priority rule: reports of that priority get these deadlines instead of the category's. */
adminRouter.post('/sla/:category/priority/:priority', async (ctx) => {
  const actor = permittedTo(ctx.state.actor, changeSla);
  const input = parseOr422(slaSchema, ctx.request.body);
  const key = { category: categoryParam(ctx.params.category), for_priority: priorityParam(ctx.params.priority) };
  ctx.body = presentSla(await changeSla(ctx.state.deps.db, actor, key, input));
});

adminRouter.post('/sla/:category/priority/:priority/delete', async (ctx) => {
  const actor = permittedTo(ctx.state.actor, removeSla);
  const key = { category: categoryParam(ctx.params.category), for_priority: priorityParam(ctx.params.priority) };
  await removeSla(ctx.state.deps.db, actor, key);
  ctx.status = 204;
});

adminRouter.get('/holidays', async (ctx) => {
  reader(ctx);
  const { year } = parseOr422(holidaysQuerySchema, ctx.query);
  const rows = await listHolidays(ctx.state.deps.db, year);
  ctx.body = { year, days: rows.map((h) => ({ day: h.day, dayOff: h.day_off, nameVi: h.name_vi, nameEn: h.name_en })) };
});

adminRouter.post('/holidays', async (ctx) => {
  const actor = permittedTo(ctx.state.actor, setHoliday);
  const h = parseOr422(holidaySchema, ctx.request.body);
  await setHoliday(ctx.state.deps.db, actor, { day: h.day, day_off: h.dayOff, name_vi: h.nameVi, name_en: h.nameEn });
  ctx.status = 201;
  ctx.body = h;
});

adminRouter.post('/holidays/:day/delete', async (ctx) => {
  const actor = permittedTo(ctx.state.actor, removeHoliday);
  const { day } = parseOr422(holidayDayParam, { day: ctx.params.day });
  await removeHoliday(ctx.state.deps.db, actor, day);
  ctx.status = 204;
});

adminRouter.post('/staff/:id', async (ctx) => {
  const actor = permittedTo(ctx.state.actor, changeStaff);
  const input = parseOr422(staffChangeSchema, ctx.request.body);
  const s = await changeStaff(ctx.state.deps.db, actor, idParam(ctx), input);
  ctx.body = {
    id: s.id,
    username: s.username,
    displayName: s.display_name,
    role: s.role,
    agencyId: s.agency_id,
    unitId: s.unit_id,
    active: s.active,
    demo: s.demo,
  };
});

adminRouter.get('/units', async (ctx) => {
  reader(ctx);
  ctx.body = { units: (await listUnits(ctx.state.deps.db)).map(presentUnit) };
});

adminRouter.post('/units', async (ctx) => {
  const actor = permittedTo(ctx.state.actor, saveUnit);
  const input = parseOr422(unitSchema, ctx.request.body);
  const u = await saveUnit(ctx.state.deps.db, actor, input);
  ctx.body = { id: u.id, agencyId: u.agency_id, name: u.name, trade: u.trade, status: u.status };
});

/** Which agency would get a report of this category at this point on this date (noon, Vietnam time). */
adminRouter.get('/routing-preview', (ctx) => {
  reader(ctx);
  const q = parseOr422(routingPreviewSchema, ctx.query);
  const { geocoder, agencyRouting } = ctx.state.deps;
  const area = geocoder.lookup(q.lng, q.lat);
  const at = q.date ? new Date(`${q.date}T12:00:00+07:00`) : new Date();
  const decision = agencyRouting?.route(q.category, area?.code ?? null, area?.provinceCode ?? null, at) ?? null;
  ctx.body = {
    area: area ? { code: area.code, name: area.fullName } : null,
    at: at.toISOString(),
    agencyId: decision?.agencyId ?? null,
    ruleId: decision?.ruleId ?? null,
  };
});

adminRouter.get('/audit', async (ctx) => {
  reader(ctx);
  const q = parseOr422(auditQuerySchema, ctx.query);
  const rows = await listAudit(ctx.state.deps.db, {
    entity: q.entity,
    entityId: q.entityId,
    beforeId: q.before,
    limit: q.limit,
  });
  ctx.body = {
    entries: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actor_name,
      entity: r.entity,
      entityId: r.entity_id,
      action: r.action,
      before: r.before,
      after: r.after,
    })),
  };
});
