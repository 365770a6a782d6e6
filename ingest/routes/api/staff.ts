// /api/v1/staff: accounts, for administrators (supervisors may list them).
import Router from '@koa/router';
import { listStaff, type StaffRow } from '../../../sql/queries/staff.ts';
import { createStaff } from '../../commands/create-staff.ts';
import type { IngestState } from '../../context.ts';
import { canListStaff, canManageStaff } from '../../policies/permissions.ts';
import { newStaffSchema } from '../../schemas/dispatch-input.ts';
import { parseOr422 } from '../../schemas/validate.ts';
import { authorize, requireStaff } from './guard.ts';

export const staffRouter = new Router<IngestState>({ prefix: '/api/v1/staff' });

// Never the password hash.
const present = (s: StaffRow) => ({
  id: s.id,
  username: s.username,
  displayName: s.display_name,
  role: s.role,
  agencyId: s.agency_id,
  unitId: s.unit_id,
  active: s.active,
  demo: s.demo,
});

staffRouter.get('/', async (ctx) => {
  requireStaff(ctx.state.actor);
  authorize(canListStaff(ctx.state.actor), 'list staff');
  ctx.body = { staff: (await listStaff(ctx.state.deps.db)).map(present) };
});

staffRouter.post('/', async (ctx) => {
  requireStaff(ctx.state.actor);
  authorize(canManageStaff(ctx.state.actor), 'manage staff');
  const input = parseOr422(newStaffSchema, ctx.request.body);
  ctx.status = 201;
  ctx.body = present(await createStaff(ctx.state.deps.db, ctx.state.actor, input));
});
