// Route helpers: 401 for anonymous, 403 when the policy says no, 400 for a malformed id.
import type { Context } from 'koa';
import { errors, type DomainError, type Thing } from '../../../domain/errors.ts';
import type { Actor, StaffActor } from '../../policies/roles.ts';

export function requireStaff(actor: Actor): StaffActor {
  if (actor.kind !== 'staff') throw errors.unauthenticated();
  return actor;
}

/** `allowed` is the answer of a policy in ingest/policies; the route never decides itself. */
export function authorize(allowed: boolean, what: string): void {
  if (!allowed) throw errors.forbidden(what);
}

export function idParam(ctx: Context, name = 'id'): string {
  const id = (ctx.params as Record<string, string>)[name];
  if (!/^\d{1,18}$/.test(id)) throw errors.invalidId({ field: name, reason: 'must be a positive integer' });
  return id;
}

export const notFound = (what: Thing): DomainError => errors.notFound(what);
