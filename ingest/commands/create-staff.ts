// createStaff: an administrator adds an account (password hashed here, never stored or logged in clear); with no
// password the account opens nothing until its invite is accepted (invite-staff.ts).
import type { Db, Tx } from '../../sql/db.ts';
import { insertStaffIfMissing, type StaffRow } from '../../sql/queries/staff.ts';
import { hashPassword } from '../auth/password.ts';
import { errors } from '../../domain/errors.ts';
import { scopeOfRole, type Role } from '../../domain/roles.ts';
import type { StaffActor } from '../policies/roles.ts';
import { staffCommand } from './command.ts';

export interface NewStaffInput {
  username: string;
  displayName: string;
  /** Absent for an invited account: the invitee sets it. */
  password?: string;
  role: Role;
  agencyId?: string;
  unitId?: string;
}

export const createStaff = staffCommand('manage_staff', runCreateStaff);
async function runCreateStaff(db: Db | Tx, actor: StaffActor, input: NewStaffInput): Promise<StaffRow> {
  if (scopeOfRole(input.role) !== 'province' && !input.agencyId) {
    throw errors.agencyRequired(input.role);
  }
  try {
    const row = await insertStaffIfMissing(db, {
      username: input.username,
      displayName: input.displayName,
      passwordHash: input.password === undefined ? null : await hashPassword(input.password),
      role: input.role,
      agencyId: input.agencyId ?? null,
      unitId: input.unitId ?? null,
      demo: false,
    });
    if (!row) throw errors.usernameTaken();
    return row;
  } catch (e) {
    // A foreign key names the agency or unit that does not exist.
    if ((e as { code?: string }).code === '23503') {
      const field = /unit/.test((e as { constraint?: string }).constraint ?? '') ? 'unitId' : 'agencyId';
      throw errors.doesNotExist(field);
    }
    throw e;
  }
}
