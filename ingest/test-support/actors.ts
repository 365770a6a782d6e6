// A staff actor for tests that call policies and commands directly: in the agency's and the unit's remit by default.
import type { Role } from '../../domain/roles.ts';
import type { StaffActor } from '../policies/roles.ts';

export const staffActor = (role: Role, over: Partial<StaffActor> = {}): StaffActor => ({
  kind: 'staff',
  role,
  userId: '1',
  name: role,
  agencyId: 'so-xay-dung',
  unitId: 'xd-01',
  via: 'session',
  ...over,
});
