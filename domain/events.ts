// The event log's kinds and what each carries. Commands write these payloads; the feed reads them back.
import type { AlertEventPayload } from './alert-event.ts';
import type { HotspotEventPayload } from './hotspot-event.ts';
import type { ReportStatus } from './report-status.ts';
import type { Role } from './roles.ts';
import type { UnitStatus } from './unit-status.ts';

/** A report's event: small, safe to derive a public notice from (realtime coarsens or drops the cell). */
export interface ReportEventPayload {
  reportId: string;
  code: string;
  category: string;
  sensitive: boolean;
  status: ReportStatus;
  version: number;
  /** Exact H3 cell (res 12) as hex; realtime coarsens it for public rooms. */
  cell: string;
  areaCode: string | null;
  agencyId: string | null;
  /** The unit assigned now (absent in events written before units were carried): who in the field hears it. */
  unitId?: string | null;
  /** The deadlines and resolution time as they stood after this change (absent in events written before they were
   * carried): what a replay needs to count overdue reports and the on-time share at a past moment. */
  responseDueAt?: string | null;
  dueAt?: string | null;
  resolvedAt?: string | null;
  at: string;
}

/** A unit's event: staff-only, small, enough to move the marker. */
export interface UnitEventPayload {
  unitId: string;
  agencyId: string;
  name: string;
  status: UnitStatus;
  lat: number | null;
  lng: number | null;
  cell: string | null;
  version: number;
  reportIds: string[];
  at: string;
}

/** An agency routing rule added or ended, with who did it (the audit trail of routing). */
export interface RoutingEventPayload {
  rule: {
    id: string;
    agencyId: string;
    category: string | null;
    areaCode: string | null;
    provinceCode: string | null;
    effectiveFrom: string;
    effectiveTo: string | null;
    note: string | null;
  };
  by: { userId: string | null; name: string };
}

/** A staff account lost rights (deactivated, role or agency changed): its sockets are authorised again at once. */
export interface StaffChangedPayload {
  userId: string;
  active: boolean;
  /** As stored (staff rows are not narrowed to Role yet). */
  role: Role | (string & {});
}

/** A staff session ended (sign-out): sockets opened with its ticket are authorised again at once. */
export interface SessionEndedPayload {
  userId: string;
}

export interface EventPayloads {
  'report.created': ReportEventPayload;
  'report.updated': ReportEventPayload;
  'unit.updated': UnitEventPayload;
  'routing.added': RoutingEventPayload;
  'routing.ended': RoutingEventPayload;
  /** ALERT_EVENT_KIND (alert-event.ts). */
  alert: AlertEventPayload;
  'staff.changed': StaffChangedPayload;
  'session.ended': SessionEndedPayload;
  /** HOTSPOT_EVENT_KIND (hotspot-event.ts): staff rooms only. */
  hotspot: HotspotEventPayload;
}

export type EventKind = keyof EventPayloads;
export type ReportEventKind = 'report.created' | 'report.updated';

export const isReportEventKind = (kind: string): kind is ReportEventKind =>
  kind === 'report.created' || kind === 'report.updated';

/** One event to append: the kind decides the payload's type. */
export type NewEvent = { [K in EventKind]: { reportId: string | null; kind: K; payload: EventPayloads[K] } }[EventKind];
