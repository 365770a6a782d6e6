// Who may read and change the routing rules: every desk role reads; only administrators change them.
import { isDesk, isStaff } from './permissions.ts';
import type { Actor } from './roles.ts';

export const canViewRouting = (a: Actor): boolean => isDesk(a);
export const canManageRouting = (a: Actor): boolean => isStaff(a) && a.role === 'administrator';
