// Who is calling: a staff session cookie, a unit phone's token, the kiosk (wall display) token, or the public.
import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'koa';
import { findSession } from '../../sql/queries/staff.ts';
import { findUnitByTokenHash } from '../../sql/queries/unit-tokens.ts';
import type { IngestDeps } from '../context.ts';
import { hashToken } from './tokens.ts';
import { isRole } from '../../domain/roles.ts';
import type { Actor, StaffActor } from '../policies/roles.ts';

export const SESSION_COOKIE = 'ht_session';
export const CSRF_COOKIE = 'ht_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const UNIT_TOKEN_PREFIX = 'unit_';
/** The published demo tokens' prefix: never honoured in production, whatever the database says. */
export const DEMO_UNIT_TOKEN_PREFIX = 'unit_demo_';

export function bearerToken(ctx: Context): string | null {
  const header = ctx.get('authorization');
  const match = /^Bearer\s+(.+)$/i.exec(header);
  return match ? match[1].trim() : null;
}

export function tokenMatches(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The long-lived kiosk token: read-only, for the wall display and the operator link printed at start. */
export function wallViewer(): StaffActor {
  return {
    kind: 'staff',
    role: 'wall_viewer',
    userId: null,
    name: 'wall display',
    agencyId: null,
    unitId: null,
    via: 'token',
  };
}

/** Token-only resolution (no database): the kiosk token or the public. */
export function actorFor(token: string | null | undefined, operatorToken: string): Actor {
  return tokenMatches(token, operatorToken) ? wallViewer() : { kind: 'public' };
}

export interface ResolvedCaller {
  actor: Actor;
  csrfToken: string | null;
  sessionTokenHash: string | null;
}

const PUBLIC: ResolvedCaller = { actor: { kind: 'public' }, csrfToken: null, sessionTokenHash: null };

export async function resolveCaller(
  ctx: Context,
  deps: Pick<IngestDeps, 'db' | 'operatorToken' | 'acceptDemoSecrets'>,
): Promise<ResolvedCaller> {
  const { db, operatorToken } = deps;
  const demoAllowed = deps.acceptDemoSecrets === true;
  const bearer = bearerToken(ctx);
  if (bearer) {
    if (bearer.startsWith(DEMO_UNIT_TOKEN_PREFIX) && !demoAllowed) return PUBLIC;
    if (bearer.startsWith(UNIT_TOKEN_PREFIX)) {
      const unit = await findUnitByTokenHash(db, hashToken(bearer));
      // A unit's phone acts as that unit's field officer.
      if (unit && (!unit.demo || demoAllowed))
        return {
          actor: {
            kind: 'staff',
            role: 'field_officer',
            userId: null,
            name: unit.name,
            agencyId: unit.agency_id,
            unitId: unit.id,
            via: 'token',
          },
          csrfToken: null,
          sessionTokenHash: null,
        };
    }
    return { actor: actorFor(bearer, operatorToken), csrfToken: null, sessionTokenHash: null };
  }
  const cookie = ctx.cookies.get(SESSION_COOKIE);
  if (cookie) {
    const tokenHash = hashToken(cookie);
    const session = await findSession(db, tokenHash);
    const u = session?.user;
    if (session && u && isRole(u.role) && (!u.demo || demoAllowed)) {
      return {
        actor: {
          kind: 'staff',
          role: u.role,
          userId: u.id,
          name: u.display_name,
          agencyId: u.agency_id,
          unitId: u.unit_id,
          via: 'session',
        },
        csrfToken: session.csrf_token,
        sessionTokenHash: tokenHash,
      };
    }
  }
  return PUBLIC;
}
