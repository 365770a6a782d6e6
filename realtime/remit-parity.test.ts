// One rule for who sees which report: for every role, what a socket hears (its room) is exactly what
// the same staff member may read over HTTP (canSeeStaffReport). Both read domain/roles.ts.
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../domain/roles.ts';
import { signTicket } from '../ingest/auth/tokens.ts';
import { canSeeStaffReport } from '../ingest/policies/permissions.ts';
import type { StaffActor } from '../ingest/policies/roles.ts';
import { createSocketAuthorizer } from '../ingest/policies/socket-actor.ts';
import { roomReceives, roomsFor } from './rooms.ts';

const SECRET = 'parity-secret';
const authorize = createSocketAuthorizer({ operatorToken: 'kiosk', ticketSecret: SECRET });

const REPORTS = [
  { agencyId: 'roads', unitId: 'u-roads-1' },
  { agencyId: 'roads', unitId: 'u-roads-2' },
  { agencyId: 'roads', unitId: null },
  { agencyId: 'police', unitId: 'u-police-1' },
  { agencyId: 'police', unitId: null },
  { agencyId: null, unitId: null },
];
const REMITS = [
  { agencyId: 'roads', unitId: 'u-roads-1' },
  { agencyId: 'roads', unitId: null },
  { agencyId: null, unitId: null },
];

const cases = ROLES.flatMap((role) => REMITS.map((remit) => [role, remit] as const));

describe('HTTP and sockets agree on every role', () => {
  it.each(cases)('%s with %o', (role: Role, remit) => {
    const http: StaffActor = { kind: 'staff', role, userId: '1', name: 'x', ...remit, via: 'session' };
    const ticket = signTicket({ role, ...remit, userId: '1', exp: Date.now() + 60_000 }, SECRET);
    const socket = authorize({ token: ticket });
    expect(socket).toMatchObject({ audience: 'staff', role });
    const assigned = roomsFor(socket);
    const heard = REPORTS.map((r) => assigned.ok && roomReceives(assigned.rooms[0], { ...r, areaCell: null }));
    const readable = REPORTS.map((r) => canSeeStaffReport(http, { agency_id: r.agencyId, unit_id: r.unitId }));
    expect(heard).toEqual(readable);
  });

  it('a field officer hears only its unit, not its whole agency (the rule HTTP always had)', () => {
    const socket = authorize({
      token: signTicket(
        { role: 'field_officer', agencyId: 'roads', unitId: 'u-roads-1', userId: null, exp: Date.now() + 60_000 },
        SECRET,
      ),
    });
    expect(roomsFor(socket)).toEqual({ ok: true, rooms: ['staff:unit:u-roads-1'] });
  });
});
