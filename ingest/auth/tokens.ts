// Opaque tokens: sessions and unit phones keep only a hash server-side; sockets get a signed short ticket.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const newToken = (prefix = ''): string => prefix + randomBytes(24).toString('base64url');
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');

/** What a socket may know about its staff holder; signed, and checked against its session at connect and on revocation. */
export interface TicketClaims {
  /** The hash of the session it was issued for: the socket lives no longer than that session. */
  sid?: string;
  role: string;
  agencyId: string | null;
  unitId: string | null;
  userId: string | null;
  exp: number;
}

export function signTicket(claims: TicketClaims, secret: string): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `t1.${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

export function verifyTicket(ticket: string, secret: string, nowMs = Date.now()): TicketClaims | null {
  const [v, body, mac] = ticket.split('.');
  if (v !== 't1' || !body || !mac) return null;
  const expected = Buffer.from(createHmac('sha256', secret).update(body).digest('base64url'));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TicketClaims;
    return typeof claims.exp === 'number' && claims.exp > nowMs ? claims : null;
  } catch {
    return null;
  }
}
