// Who is calling. Until staff accounts exist, staff = holder of the operator token printed at start.
import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'koa';

export type Actor = { kind: 'staff'; role: 'operator' } | { kind: 'public' };

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

export function actorFor(token: string | null | undefined, operatorToken: string): Actor {
  return tokenMatches(token, operatorToken) ? { kind: 'staff', role: 'operator' } : { kind: 'public' };
}
