// CSRF for cookie-authenticated writes: the request must echo the session's token in a header (double submit,
// the token is also in a readable cookie) and, when the browser names an Origin, it must be this host.
import type { Context, Next } from 'koa';
import { CSRF_HEADER, tokenMatches } from './auth/resolve-caller.ts';
import type { IngestState } from './context.ts';
import { errors } from '../domain/errors.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sameOrigin(ctx: Context): boolean {
  const origin = ctx.get('origin');
  if (!origin) return true;
  try {
    return new URL(origin).host === ctx.host;
  } catch {
    return false;
  }
}

export async function csrfMiddleware(ctx: Context & { state: IngestState }, next: Next): Promise<void> {
  const { actor, csrfToken } = ctx.state;
  const cookieAuth = actor.kind === 'staff' && actor.via === 'session';
  if (!SAFE.has(ctx.method) && ctx.path.startsWith('/api/') && (cookieAuth || ctx.path.startsWith('/api/v1/auth/'))) {
    if (!sameOrigin(ctx)) throw errors.crossOrigin();
    // Login only needs the Origin check: a stale session cookie must not block signing in again.
    if (cookieAuth && ctx.path !== '/api/v1/auth/login' && !tokenMatches(ctx.get(CSRF_HEADER), csrfToken ?? '')) {
      throw errors.missingCsrf(CSRF_HEADER);
    }
  }
  await next();
}
