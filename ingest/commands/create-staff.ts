// createStaff: an administrator adds an account (password hashed here, never stored or logged in clear).
import type { Db } from '../../sql/db.ts';
import { insertStaffIfMissing, type StaffRow } from '../../sql/queries/staff.ts';
import { hashPassword } from '../auth/password.ts';
import { DomainError } from '../../domain/errors.ts';
import { canManageStaff } from '../policies/permissions.ts';
import { scopeOfRole, type Role } from '../../domain/roles.ts';
import type { Actor } from '../policies/roles.ts';

export interface NewStaffInput {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  agencyId?: string;
  unitId?: string;
}

export async function createStaff(db: Db, actor: Actor, input: NewStaffInput): Promise<StaffRow> {
  if (!canManageStaff(actor))
    throw new DomainError(
      'forbidden',
      'forbidden',
      'Only administrators manage accounts',
      'Chỉ quản trị viên được quản lý tài khoản',
    );
  if (scopeOfRole(input.role) !== 'province' && !input.agencyId) {
    throw new DomainError(
      'invalid',
      'validation_failed',
      `agencyId: is required for ${input.role}`,
      'Cần chọn cơ quan',
      [{ field: 'agencyId', reason: `is required for ${input.role}` }],
    );
  }
  try {
    const row = await insertStaffIfMissing(db, {
      username: input.username,
      displayName: input.displayName,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      agencyId: input.agencyId ?? null,
      unitId: input.unitId ?? null,
      demo: false,
    });
    if (!row)
      throw new DomainError('conflict', 'username_taken', 'username: is taken', 'Tên đăng nhập đã tồn tại', [
        { field: 'username', reason: 'is taken' },
      ]);
    return row;
  } catch (e) {
    // A foreign key names the agency or unit that does not exist.
    if ((e as { code?: string }).code === '23503') {
      const field = /unit/.test((e as { constraint?: string }).constraint ?? '') ? 'unitId' : 'agencyId';
      throw new DomainError('invalid', 'validation_failed', `${field}: does not exist`, 'Không tồn tại', [
        { field, reason: 'does not exist' },
      ]);
    }
    throw e;
  }
}
