// Route helpers: 401 for anonymous, 403 when the policy says no, 400 for a malformed id.
import type { Context } from 'koa';
import { HttpError } from '../../http-error.ts';
import type { Actor, StaffActor } from '../../policies/roles.ts';

export function requireStaff(actor: Actor): StaffActor {
  if (actor.kind !== 'staff') throw new HttpError(401, 'unauthenticated', 'Sign in as staff', 'Cần đăng nhập cán bộ');
  return actor;
}

/** `allowed` is the answer of a policy in ingest/policies; the route never decides itself. */
export function authorize(allowed: boolean, what: string): void {
  if (!allowed)
    throw new HttpError(403, 'forbidden', `Not allowed: ${what}`, 'Bạn không có quyền thực hiện thao tác này');
}

export function idParam(ctx: Context, name = 'id'): string {
  const id = (ctx.params as Record<string, string>)[name];
  if (!/^\d{1,18}$/.test(id))
    throw new HttpError(400, 'invalid_id', `${name}: must be a positive integer`, 'Mã không hợp lệ', [
      { field: name, reason: 'must be a positive integer' },
    ]);
  return id;
}

export function notFound(what: string): HttpError {
  return new HttpError(404, 'not_found', `${what} not found`, 'Không tìm thấy');
}
