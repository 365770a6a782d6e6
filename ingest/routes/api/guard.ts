// Route helpers: 401 for anonymous, 403 when the policy says no, 400 for a malformed id.
import type { Context } from 'koa';
import { errors, fieldIssue, reasons, type DomainError, type Thing } from '../../../domain/errors.ts';
import { authorize as authorizeCommand, type Permission } from '../../policies/command-permissions.ts';
import type { Actor, StaffActor } from '../../policies/roles.ts';

export function requireStaff(actor: Actor): StaffActor {
  if (actor.kind !== 'staff') throw errors.unauthenticated();
  return actor;
}

/** `allowed` is the answer of a policy in ingest/policies; the route never decides itself. */
export function authorize(allowed: boolean, what: string): void {
  if (!allowed) throw errors.forbidden(what);
}

/**
 * The command's declared permission, checked before the route reads any input: a caller without it gets 401/403,
 * never a 400/422 about input it may not send. The command runs the same check again (ingest/commands/command.ts).
 */
export function permittedTo(actor: Actor, command: { readonly permission: Permission }): StaffActor {
  return authorizeCommand(actor, command.permission);
}

export function idParam(ctx: Context, name = 'id'): string {
  const id = (ctx.params as Record<string, string>)[name];
  if (!/^\d{1,18}$/.test(id)) throw errors.invalidId(fieldIssue(name, reasons.positiveInteger));
  return id;
}

export const notFound = (what: Thing): DomainError => errors.notFound(what);
