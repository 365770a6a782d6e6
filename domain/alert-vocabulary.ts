// The words of an official alert, one home each: our categories and their CAP 1.2 mapping, CAP's value lists.
import type { Role } from './roles.ts';

/** Our alert categories, each with the CAP 1.2 `category` it is published as and its Vietnamese/English event name. */
export const ALERT_CATEGORIES = {
  weather: { cap: 'Met', vi: 'Cảnh báo thời tiết', en: 'Weather warning' },
  flood: { cap: 'Met', vi: 'Cảnh báo lũ, ngập lụt', en: 'Flood warning' },
  outage: { cap: 'Infra', vi: 'Thông báo cắt điện, nước', en: 'Power or water outage' },
  health: { cap: 'Health', vi: 'Cảnh báo y tế', en: 'Health alert' },
  security: { cap: 'Security', vi: 'Cảnh báo an ninh', en: 'Security alert' },
  scam: { cap: 'Security', vi: 'Cảnh báo lừa đảo', en: 'Scam warning' },
  info: { cap: 'Other', vi: 'Thông tin chính quyền', en: 'Public information' },
} as const;
export type AlertCategory = keyof typeof ALERT_CATEGORIES;
export const ALERT_CATEGORY_CODES = Object.keys(ALERT_CATEGORIES) as AlertCategory[];

/** CAP 1.2 `severity`, `urgency`, `certainty` (Unknown is allowed by CAP but an official alert states one). */
export const CAP_SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;
export const CAP_URGENCIES = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const;
export const CAP_CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const;
export type CapSeverity = (typeof CAP_SEVERITIES)[number];
export type CapUrgency = (typeof CAP_URGENCIES)[number];
export type CapCertainty = (typeof CAP_CERTAINTIES)[number];

/** Severities that need a second publisher's approval before they go out (two-person rule). */
export const TWO_PERSON_SEVERITIES: ReadonlySet<CapSeverity> = new Set(['Extreme', 'Severe']);

/** The permission to compose, approve, update and cancel alerts; supervisors and administrators hold it by default. */
export const ALERT_PUBLISHER = 'alert_publisher';
export const ALERT_PUBLISHER_ROLES: ReadonlySet<Role> = new Set<Role>(['supervisor', 'administrator']);

/**
 * Where an alert stands. `pending_approval` waits for a second publisher; `scheduled` publishes itself at
 * `publish_at`; `published` is out (active until `expires`); `superseded` by an Update; `cancelled`.
 */
export const ALERT_STATES = ['pending_approval', 'scheduled', 'published', 'superseded', 'cancelled'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

/** What an `alert` feed event says happened to the alert it names. */
export type AlertChange = 'published' | 'updated' | 'cancelled' | 'expired';
