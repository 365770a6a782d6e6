// Every staff command's routes check the command's declared permission before they read the input: invalid input
// from a role without the permission gets 403 (never the 400/422 that would tell it how input is checked), from the
// public 401, and from a role with the permission the input error. A new staff command without routes here fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../domain/roles.ts';
import { PERMISSIONS } from '../../policies/command-permissions.ts';
import { staffActor } from '../../test-support/actors.ts';
import { declaredCommands } from '../../test-support/declared-commands.ts';
import { startDispatchApp, type Caller, type DispatchApp } from '../../test-support/dispatch-app.ts';

/** Each staff command's routes, with a malformed id where the path has one; every call sends `[]` as the body. */
const ROUTES: Record<string, string[]> = {
  'admin-changes.changeStaff': ['/api/v1/admin/staff/x'],
  'admin-changes.removeHoliday': ['/api/v1/admin/holidays/x/delete'],
  'admin-changes.saveUnit': ['/api/v1/admin/units'],
  'admin-changes.setHoliday': ['/api/v1/admin/holidays'],
  'approve-alert.approveAlert': ['/api/v1/alerts/x/approve'],
  'assign-unit.assignUnit': ['/api/v1/reports/x/assign'],
  'bulk-queue-actions.bulkMerge': ['/api/v1/queue/bulk/merge'],
  'bulk-queue-actions.bulkTransition': ['/api/v1/queue/bulk/transition'],
  'cancel-alert.cancelAlert': ['/api/v1/alerts/x/cancel'],
  'change-agency-routing-rules.addRoutingRule': ['/api/v1/routing-rules'],
  'change-agency-routing-rules.retireRoutingRule': ['/api/v1/routing-rules/x/end'],
  'change-sla.changeSla': ['/api/v1/admin/sla/road', '/api/v1/admin/sla/road/priority/x'],
  'change-sla.removeSla': ['/api/v1/admin/sla/road/priority/x/delete'],
  'compose-alert.composeAlert': ['/api/v1/alerts', '/api/v1/alerts/x/update'],
  'create-staff.createStaff': ['/api/v1/staff'],
  'import-outage-schedule.importOutageSchedule': ['/api/v1/alerts/outages'],
  'integration-changes.disableWebhook': ['/api/v1/webhooks/x/disable'],
  'integration-changes.editMapping': ['/api/v1/imports/mappings/x'],
  'integration-changes.issueOpen311Client': ['/api/v1/open311/clients'],
  'integration-changes.registerWebhook': ['/api/v1/webhooks'],
  'integration-changes.removeMapping': ['/api/v1/imports/mappings/x/delete'],
  'integration-changes.replayDelivery': ['/api/v1/webhooks/deliveries/x/replay'],
  'integration-changes.revokeClient': ['/api/v1/open311/clients/x/revoke'],
  'integration-changes.saveMapping': ['/api/v1/imports/mappings'],
  'invite-staff.inviteStaff': ['/api/v1/staff/invites'],
  'invite-staff.reissueInvite': ['/api/v1/staff/x/invite'],
  'merge-into-incident.mergeIntoIncident': ['/api/v1/reports/x/merge'],
  'moderate-photo.moderatePhoto': ['/api/v1/photos/x/moderation'],
  'transition-report.transitionReport': ['/api/v1/reports/x/transitions'],
  'unit-tokens.issueUnitToken': ['/api/v1/units/xd-02/tokens'],
  'unit-tokens.revokeUnitToken': ['/api/v1/units/xd-02/tokens/x/revoke'],
  'update-unit.updateUnitState': ['/api/v1/units/xd-02/position', '/api/v1/units/xd-02/status'],
  'wall-tokens.issueWallToken': ['/api/v1/wall-tokens'],
  'wall-tokens.revokeWallToken': ['/api/v1/wall-tokens/x/revoke'],
};

const LOGIN: Partial<Record<Role, string>> = {
  administrator: 'admin',
  supervisor: 'supervisor',
  dispatcher: 'dispatcher',
  agency_officer: 'agency',
  field_officer: 'field',
};
const staffCommands = (await declaredCommands()).filter((c) => c.command.permission !== undefined);
const INVALID_INPUT: unknown[] = [];

describe('a staff command refuses a caller without its permission before reading the input', () => {
  let app: DispatchApp;
  const callers = {} as Record<Role, Caller>;
  beforeAll(async () => {
    app = await startDispatchApp();
    callers.wall_viewer = app.kiosk;
    for (const [role, username] of Object.entries(LOGIN)) callers[role as Role] = await app.login(username);
  });
  afterAll(async () => app?.close());

  it('every staff command has its routes listed', () => {
    expect(staffCommands.length).toBeGreaterThan(25);
    expect(staffCommands.map((c) => c.id).filter((id) => !ROUTES[id])).toEqual([]);
    expect(Object.keys(ROUTES).filter((id) => !staffCommands.some((c) => c.id === id))).toEqual([]);
  });

  it.each(staffCommands.map((c) => [c.id, c.command.permission!] as const))('%s (%s)', async (id, permission) => {
    const outcome = (status: number) => (status === 400 || status === 422 ? 'input error' : status);
    for (const path of ROUTES[id] ?? []) {
      const answers: Record<string, string | number> = {
        anonymous: outcome((await app.anonymous.post(path, INVALID_INPUT)).status),
      };
      const expected: Record<string, string | number> = { anonymous: 401 };
      for (const role of ROLES) {
        answers[role] = outcome((await callers[role].post(path, INVALID_INPUT)).status);
        expected[role] = PERMISSIONS[permission].holds(staffActor(role)) ? 'input error' : 403;
      }
      expect(answers, path).toEqual(expected);
    }
  });
});
