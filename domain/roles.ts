// Staff roles and the scope of reports each one acts on. HTTP policies and socket rooms both read
// the scope from here, so what a role sees over HTTP and what it hears over a socket cannot drift apart.

/**
 * province: every report; agency: the reports routed to the actor's agency; unit: the reports assigned
 * to the actor's unit (a field officer, or a unit's phone).
 */
export type RoleScope = 'province' | 'agency' | 'unit';

const SCOPE_OF = {
  administrator: 'province',
  supervisor: 'province',
  dispatcher: 'province',
  agency_officer: 'agency',
  field_officer: 'unit',
  wall_viewer: 'province',
} as const satisfies Record<string, RoleScope>;

export type Role = keyof typeof SCOPE_OF;

export const ROLES = Object.keys(SCOPE_OF) as Role[];

export const isRole = (value: unknown): value is Role => typeof value === 'string' && Object.hasOwn(SCOPE_OF, value);

/** A role read back from storage (the column's CHECK holds the same list); anything else is a broken invariant. */
export function parseRole(value: unknown): Role {
  if (!isRole(value)) throw new TypeError(`not a role: ${String(value)}`);
  return value;
}

export const scopeOfRole = (role: Role): RoleScope => SCOPE_OF[role];

/** The roles at the dispatch desk: they triage, assign anywhere, merge. */
export const DESK_ROLES: readonly Role[] = ['administrator', 'supervisor', 'dispatcher'];

/** Who a staff member acts for: the two ids its scope may need. */
export interface StaffRemit {
  role: Role;
  agencyId: string | null;
  unitId: string | null;
}

export type Audience = 'staff' | 'public';

/** Who a live connection belongs to, decided by the server at connect and again every minute, never by the client. */
export interface SocketActor {
  audience: Audience;
  role?: Role;
  /** Staff scoped to one agency (agency officers) get only that agency's room. */
  agencyId?: string | null;
  /** Staff scoped to one unit (field officers) get only that unit's room. */
  unitId?: string | null;
}

/** Whether a report (its agency and unit) lies within the staff member's scope. The one rule, for HTTP and sockets. */
export function reportInRemit(remit: StaffRemit, report: { agencyId: string | null; unitId: string | null }): boolean {
  switch (scopeOfRole(remit.role)) {
    case 'province':
      return true;
    case 'agency':
      return remit.agencyId !== null && report.agencyId === remit.agencyId;
    case 'unit':
      return remit.unitId !== null && report.unitId === remit.unitId;
  }
}
