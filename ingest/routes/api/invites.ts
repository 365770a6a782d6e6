// /api/v1/auth/invite: the invitee's side of a staff invite (no session): who the link is for, and setting the password.
import Router from '@koa/router';
import { acceptStaffInvite, lookUpInvite } from '../../commands/invite-staff.ts';
import type { IngestState } from '../../context.ts';
import { acceptInviteSchema, inviteTokenSchema } from '../../schemas/dispatch-input.ts';
import { parseOr422 } from '../../schemas/validate.ts';

export const invitesRouter = new Router<IngestState>({ prefix: '/api/v1/auth/invite' });

// POST, not GET: the token travels in the body, never in a URL a log or proxy keeps.
invitesRouter.post('/', async (ctx) => {
  const { token } = parseOr422(inviteTokenSchema, ctx.request.body);
  const i = await lookUpInvite(ctx.state.deps.db, token);
  ctx.body = { username: i.username, displayName: i.display_name, expiresAt: i.expires_at.toISOString() };
});

invitesRouter.post('/accept', async (ctx) => {
  const { token, password } = parseOr422(acceptInviteSchema, ctx.request.body);
  ctx.body = await acceptStaffInvite(ctx.state.deps.db, token, password);
});
