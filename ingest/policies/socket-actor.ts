// Socket actor from the handshake: the kiosk token, a signed staff ticket (from GET /api/v1/auth/session), or the public.
// Same roles as HTTP: agency officers carry their agency so the realtime side can keep them in its room.
import type { HandshakeAuth, SocketActor } from '../../realtime/protocol.ts';
import { tokenMatches } from '../auth/resolve-caller.ts';
import { verifyTicket } from '../auth/tokens.ts';
import { isRole } from './roles.ts';

export interface SocketAuthOptions {
  operatorToken: string;
  ticketSecret: string;
  now?: () => number;
}

export function createSocketAuthorizer(opts: SocketAuthOptions): (auth: HandshakeAuth | undefined) => SocketActor {
  return (auth) => {
    const token = typeof auth?.token === 'string' ? auth.token : undefined;
    if (!token) return { audience: 'public' };
    if (tokenMatches(token, opts.operatorToken)) return { audience: 'staff', role: 'wall_viewer', agencyId: null };
    const claims = verifyTicket(token, opts.ticketSecret, opts.now?.() ?? Date.now());
    if (!claims || !isRole(claims.role)) return { audience: 'public' };
    return { audience: 'staff', role: claims.role, agencyId: claims.agencyId };
  };
}
