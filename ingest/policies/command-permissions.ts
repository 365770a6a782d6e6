// What each command needs from the one acting, and the one check that enforces it (ingest/commands/command.ts runs
// it before every staff command). Rules that depend on the thing acted on (a report's remit, the two-person rule,
// a unit's own position) stay in the command, after it has locked that thing.
import { errors } from '../../domain/errors.ts';
import { canPublishAlerts } from './alerts.ts';
import { canAdminister } from './admin.ts';
import { canManageRouting } from './agency-routing.ts';
import {
  canManageIntegrations,
  canManageStaff,
  canManageUnitTokens,
  canManageWallTokens,
  canMerge,
  canModeratePhotos,
  isDesk,
  isStaff,
} from './permissions.ts';
import type { Actor, StaffActor } from './roles.ts';

/** Each permission and who holds it; the English text is what a refusal names. */
export const PERMISSIONS = {
  /** Any signed-in staff member; the transition table and the remit decide the rest per report. */
  act_as_staff: { holds: isStaff, what: 'act as staff' },
  /** The desk assigns anywhere; an agency officer within its agency (checked per report and unit). */
  assign_units: { holds: (a: Actor) => isDesk(a) || (isStaff(a) && a.role === 'agency_officer'), what: 'assign units' },
  merge_reports: { holds: canMerge, what: 'merge reports' },
  moderate_photos: { holds: canModeratePhotos, what: 'moderate photos' },
  publish_alerts: { holds: canPublishAlerts, what: 'publish alerts (alert_publisher)' },
  administer: { holds: canAdminister, what: 'change the administration settings' },
  manage_staff: { holds: canManageStaff, what: 'manage staff' },
  manage_routing: { holds: canManageRouting, what: 'change routing rules' },
  manage_integrations: { holds: canManageIntegrations, what: 'manage integrations' },
  manage_unit_tokens: { holds: canManageUnitTokens, what: 'manage unit tokens' },
  manage_wall_tokens: { holds: canManageWallTokens, what: 'manage wall tokens' },
} satisfies Record<string, { holds: (a: Actor) => boolean; what: string }>;

export type Permission = keyof typeof PERMISSIONS;

/**
 * Commands anyone may call, each with what stands in for a permission: the caller proves something else
 * (a tracking secret, an Open311 api_key checked by its route, an invite link) or it is the product itself.
 */
export type OpenProof = 'anyone' | 'own_session' | 'tracking_secret' | 'open311_api_key' | 'invite_token' | 'system';

/** 401 for the public, 403 for staff without the permission; the staff actor otherwise. */
export function authorize(actor: Actor, permission: Permission): StaffActor {
  if (!isStaff(actor)) throw errors.unauthenticated();
  if (!PERMISSIONS[permission].holds(actor)) throw errors.forbidden(PERMISSIONS[permission].what);
  return actor;
}
