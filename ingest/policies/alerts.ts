// Who may publish, approve and see unpublished alerts: the alert_publisher permission, and the two-person rule.
import { ALERT_PUBLISHER_ROLES, TWO_PERSON_SEVERITIES, type CapSeverity } from '../../domain/alert-vocabulary.ts';
import type { Actor } from './roles.ts';

/** Holders of `alert_publisher`: supervisors and administrators (signed in with an account, never a kiosk token). */
export const canPublishAlerts = (a: Actor): boolean =>
  a.kind === 'staff' && a.userId !== null && ALERT_PUBLISHER_ROLES.has(a.role);

export const needsSecondPublisher = (severity: string): boolean => TWO_PERSON_SEVERITIES.has(severity as CapSeverity);

/** The second publisher must be another person than the one who composed it. */
export const canApproveAlert = (a: Actor, alert: { created_by: string | null }): boolean =>
  canPublishAlerts(a) && a.kind === 'staff' && a.userId !== alert.created_by;

/** Alerts that went out are public; drafts (waiting for approval or their time, or withdrawn) are for publishers. */
export const canSeeAlert = (a: Actor, alert: { sent_at: Date | null }): boolean =>
  alert.sent_at !== null || canPublishAlerts(a);
