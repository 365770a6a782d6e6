// Who is calling: a staff session cookie, a unit phone's token, the kiosk (wall display) token, or the public.
import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'koa';
import { findSession } from '../../sql/queries/staff.ts';
import { findUnitByTokenHash } from '../../sql/queries/unit-tokens.ts';
import { findWallByTokenHash } from '../../sql/queries/wall-tokens.ts';
import { errors } from '../../domain/errors.ts';
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
/** Wall displays' kiosk tokens (wall_tokens), issued by an administrator. */
export const WALL_TOKEN_PREFIX = 'wall_';
/** The published demo wall token (seeded with the demo accounts): never honoured in production. */
export const DEMO_WALL_TOKEN = 'wall_demo_thanhhoa';

/** A bearer token that names no live credential: an error, never a quiet downgrade to public data. */
export const invalidToken = () => errors.invalidToken();

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

/** A wall display: read-only staff view, without reporter contact. */
export function wallViewer(wall?: StaffActor['wall']): StaffActor {
  return {
    kind: 'staff',
    role: 'wall_viewer',
    userId: null,
    name: wall?.name ?? 'wall display',
    agencyId: null,
    unitId: null,
    via: 'token',
    ...(wall ? { wall } : {}),
  };
}

/** Token-only resolution (no database): a static kiosk token configured for tests and benches, or the public. */
export function actorFor(token: string | null | undefined, operatorToken: string | undefined): Actor {
  return operatorToken && tokenMatches(token, operatorToken) ? wallViewer() : { kind: 'public' };
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
    if (bearer.startsWith(WALL_TOKEN_PREFIX)) {
      const wall = await findWallByTokenHash(db, hashToken(bearer));
      if (!wall || (wall.demo && !demoAllowed)) throw invalidToken();
      return {
        actor: wallViewer({ id: wall.id, name: wall.name, config: wall.config }),
        csrfToken: null,
        sessionTokenHash: null,
      };
    }
    const actor = actorFor(bearer, operatorToken);
    if (actor.kind === 'public') throw invalidToken();
    return { actor, csrfToken: null, sessionTokenHash: null };
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
