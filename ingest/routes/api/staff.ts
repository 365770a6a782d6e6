// /api/v1/staff: accounts, for administrators (supervisors may list them).
import Router from '@koa/router';
import { listStaff, type StaffRow } from '../../../sql/queries/staff.ts';
import { createStaff } from '../../commands/create-staff.ts';
import { inviteStaff, reissueInvite, type IssuedInvite } from '../../commands/invite-staff.ts';
import type { IngestState } from '../../context.ts';
import { canListStaff } from '../../policies/permissions.ts';
import { newStaffSchema, staffInviteSchema } from '../../schemas/dispatch-input.ts';
import { parseOr422 } from '../../schemas/validate.ts';
import { authorize, idParam, permittedTo, requireStaff } from './guard.ts';

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
  /** Invited and not yet accepted: the account opens nothing until its password is set. */
  invited: s.password_hash === null,
});

staffRouter.get('/', async (ctx) => {
  requireStaff(ctx.state.actor);
  authorize(canListStaff(ctx.state.actor), 'list staff');
  ctx.body = { staff: (await listStaff(ctx.state.deps.db)).map(present) };
});

staffRouter.post('/', async (ctx) => {
  const actor = permittedTo(ctx.state.actor, createStaff);
  const input = parseOr422(newStaffSchema, ctx.request.body);
  ctx.status = 201;
  ctx.body = present(await createStaff(ctx.state.deps.db, actor, input));
});

/** The link goes in the fragment, so the token reaches neither server logs nor a Referer. */
const presentInvite = (origin: string, i: IssuedInvite) => ({
  staff: present(i.staff),
  invite: { path: `/invite#${i.token}`, url: `${origin}/invite#${i.token}`, expiresAt: i.expiresAt.toISOString() },
});

/** An account with no password and a one-time link (shown once) for the invitee to set it. */
staffRouter.post('/invites', async (ctx) => {
  const actor = permittedTo(ctx.state.actor, inviteStaff);
  const input = parseOr422(staffInviteSchema, ctx.request.body);
  ctx.status = 201;
  ctx.body = presentInvite(`${ctx.protocol}://${ctx.host}`, await inviteStaff(ctx.state.deps.db, actor, input));
});

/** A fresh link for an invitee whose link expired or was lost; the older links stop working. */
staffRouter.post('/:id/invite', async (ctx) => {
  const actor = permittedTo(ctx.state.actor, reissueInvite);
  ctx.status = 201;
  ctx.body = presentInvite(
    `${ctx.protocol}://${ctx.host}`,
    await reissueInvite(ctx.state.deps.db, actor, idParam(ctx)),
  );
});
