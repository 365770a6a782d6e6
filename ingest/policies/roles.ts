// The actor a request acts as (roles and their scopes are domain/roles.ts's). Decided by ingest/auth/resolve-caller.ts, never by the client.

import type { Role } from '../../domain/roles.ts';

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
  /** A wall display's kiosk token (wall_tokens): which wall, and its settings. */
  wall?: { id: string; name: string; config: Record<string, unknown> };
}

export type Actor = StaffActor | { kind: 'public' };
