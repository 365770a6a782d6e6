// Staff roles and the actor a request or a socket acts as. Decided by ingest/auth/resolve-caller.ts, never by the client.

export const ROLES = [
  'administrator',
  'supervisor',
  'dispatcher',
  'agency_officer',
  'field_officer',
  'wall_viewer',
] as const;
export type Role = (typeof ROLES)[number];

export interface StaffActor {
  kind: 'staff';
  role: Role;
  /** Staff account id; null for the kiosk token and a unit's phone token. */
  userId: string | null;
  name: string;
  /** Agency officers and field officers act for one agency. */
  agencyId: string | null;
  /** Field officers (and a unit's phone) act for one unit. */
  unitId: string | null;
  /** How the caller proved who it is: cookie-authenticated writes also need the CSRF token. */
  via: 'session' | 'token';
}

export type Actor = StaffActor | { kind: 'public' };

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
