// Socket actor from the handshake: the kiosk token, a signed staff ticket (from GET /api/v1/auth/session), or the public.
// Same roles and scopes as HTTP: agency and field officers carry their agency and unit, so the realtime side keeps them in its room.
import { tokenMatches } from '../auth/resolve-caller.ts';
import { verifyTicket, type TicketClaims } from '../auth/tokens.ts';
import { isRole, type SocketActor } from '../../domain/roles.ts';

export interface SocketAuthOptions {
  /** A static kiosk token (tests and benches); the product's walls use `isWallToken`. */
  operatorToken?: string;
  /** Whether a token is a live wall token (the feed process keeps their hashes fresh: wall-token-set.ts). */
  isWallToken?: (token: string) => boolean;
  ticketSecret: string;
  now?: () => number;
}

export function createSocketAuthorizer(
  opts: SocketAuthOptions,
): (auth: { token?: unknown } | undefined) => SocketActor {
  return (auth) => {
    const token = typeof auth?.token === 'string' ? auth.token : undefined;
    if (!token) return { audience: 'public' };
    if ((opts.operatorToken && tokenMatches(token, opts.operatorToken)) || opts.isWallToken?.(token))
      return { audience: 'staff', role: 'wall_viewer', agencyId: null, unitId: null };
    const claims = verifyTicket(token, opts.ticketSecret, opts.now?.() ?? Date.now());
    if (!claims || !isRole(claims.role)) return { audience: 'public' };
    return { audience: 'staff', role: claims.role, agencyId: claims.agencyId, unitId: claims.unitId };
  };
}

/**
 * The product's authorizer: a staff ticket counts only while its session still grants what it claims
 * (sql/queries/staff.ts). Sign-out, deactivation or a role change ends the socket at its next check, which the feed
 * runs as soon as it reads the session.ended / staff.changed event (realtime/server.ts).
 */
export function createSessionSocketAuthorizer(
  opts: SocketAuthOptions & { sessionStillGrants: (claims: TicketClaims & { sid: string }) => Promise<boolean> },
): (auth: { token?: unknown } | undefined) => Promise<SocketActor> {
  const byTicket = createSocketAuthorizer(opts);
  return async (auth) => {
    const actor = byTicket(auth);
    if (actor.audience !== 'staff') return actor;
    const token = typeof auth?.token === 'string' ? auth.token : '';
    const claims = verifyTicket(token, opts.ticketSecret, opts.now?.() ?? Date.now());
    if (!claims) return actor; // a wall's token, not a ticket
    if (!claims.sid) return { audience: 'public' };
    return (await opts.sessionStillGrants({ ...claims, sid: claims.sid })) ? actor : { audience: 'public' };
  };
}
