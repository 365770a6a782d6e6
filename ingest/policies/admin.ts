// Who may see and change the province's settings in /admin: administrators change, supervisors read.
import { isStaff } from './permissions.ts';
import type { Actor } from './roles.ts';

export const canViewAdmin = (a: Actor): boolean =>
  isStaff(a) && (a.role === 'administrator' || a.role === 'supervisor');
export const canAdminister = (a: Actor): boolean => isStaff(a) && a.role === 'administrator';
