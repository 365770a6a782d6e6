// Socket actor from the handshake: the kiosk token, a signed staff ticket (from GET /api/v1/auth/session), or the public.
// Same roles and scopes as HTTP: agency and field officers carry their agency and unit, so the realtime side keeps them in its room.
import { tokenMatches } from '../auth/resolve-caller.ts';
import { verifyTicket } from '../auth/tokens.ts';
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
