// /api/v1/auth: sign in (session cookie httpOnly + SameSite=Strict, CSRF token), sign out, who am I.
import Router from '@koa/router';
import type { Context } from 'koa';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../auth/resolve-caller.ts';
import { hashToken, signTicket } from '../../auth/tokens.ts';
import { SESSION_HOURS, signIn, signOut } from '../../commands/sign-in.ts';
import type { IngestState } from '../../context.ts';
import { presentSession } from '../../presenters/dispatch-presenters.ts';
import type { Actor } from '../../policies/roles.ts';
import { parseRole } from '../../../domain/roles.ts';
import { loginSchema } from '../../schemas/dispatch-input.ts';
import { parseOr422 } from '../../schemas/validate.ts';

export const authRouter = new Router<IngestState>({ prefix: '/api/v1/auth' });

function socketToken(actor: Actor, secret: string, sessionHash: string | null): string | null {
  if (actor.kind !== 'staff' || actor.via !== 'session' || !sessionHash) return null;
  return signTicket(
    {
      sid: sessionHash,
      role: actor.role,
      agencyId: actor.agencyId,
      unitId: actor.unitId,
      userId: actor.userId,
      exp: Date.now() + SESSION_HOURS * 3_600_000,
    },
    secret,
  );
}

function setCookies(ctx: Context, session: string | null, csrf: string | null): void {
  const opts = {
    sameSite: 'strict' as const,
    secure: ctx.secure,
    path: '/',
    overwrite: true,
    maxAge: session ? SESSION_HOURS * 3_600_000 : 0,
  };
  ctx.cookies.set(SESSION_COOKIE, session ?? '', { ...opts, httpOnly: true });
  // Readable by the page so it can echo it in the header (double submit).
  ctx.cookies.set(CSRF_COOKIE, csrf ?? '', { ...opts, httpOnly: false });
}

authRouter.post('/login', async (ctx) => {
  const input = parseOr422(loginSchema, ctx.request.body);
  const { deps } = ctx.state;
  const s = await signIn(deps.db, deps.loginLimiter!, { ...input, ip: ctx.ip, acceptDemo: deps.acceptDemoSecrets });
  setCookies(ctx, s.sessionToken, s.csrfToken);
  const actor: Actor = {
    kind: 'staff',
    role: parseRole(s.user.role),
    userId: s.user.id,
    name: s.user.display_name,
    agencyId: s.user.agency_id,
    unitId: s.user.unit_id,
    via: 'session',
  };
  ctx.body = presentSession(
    actor,
    s.csrfToken,
    socketToken(actor, deps.sessionSecret!, hashToken(s.sessionToken)),
    s.user.username,
  );
});

authRouter.post('/logout', async (ctx) => {
  const { actor } = ctx.state;
  await signOut(ctx.state.deps.db, ctx.state.sessionTokenHash, actor.kind === 'staff' ? actor.userId : null);
  setCookies(ctx, null, null);
  ctx.status = 204;
});

authRouter.get('/session', (ctx) => {
  const { actor, csrfToken, deps } = ctx.state;
  ctx.set('Cache-Control', 'no-store');
  ctx.body = presentSession(
    actor,
    csrfToken,
    socketToken(actor, deps.sessionSecret!, ctx.state.sessionTokenHash),
    null,
  );
});
