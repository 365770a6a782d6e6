// The /admin page's HTTP calls (same session cookie and CSRF echo as the console).
import type { AuditEntity } from '../../domain/audit-entities.ts';
import { call } from '../data/dispatch-api.ts';

export interface SlaItem {
  category: string;
  /** Reports of this priority only; null: every priority of the category. */
  forPriority: number | null;
  responseAmount: number;
  responseUnit: 'hours' | 'working_days';
  resolutionAmount: number;
  resolutionUnit: 'hours' | 'working_days';
  priority: number | null;
}
export interface HolidayItem {
  day: string;
  dayOff: boolean;
  nameVi: string;
  nameEn: string;
}
export interface StaffItem {
  id: string;
  username: string;
  displayName: string;
  role: string;
  agencyId: string | null;
  unitId: string | null;
  active: boolean;
  demo: boolean;
  /** Invited, password not yet set. */
  invited: boolean;
}
export interface IssuedInvite {
  staff: StaffItem;
  invite: { path: string; url: string; expiresAt: string };
}
export interface RuleItem {
  id: string;
  agencyId: string;
  category: string | null;
  areaCode: string | null;
  provinceCode: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  note: string | null;
}
export interface AdminUnit {
  id: string;
  agencyId: string;
  name: string;
  trade: string | null;
  status: string;
}
export interface AuditItem {
  id: string;
  at: string;
  actor: string;
  entity: AuditEntity;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}
export interface TokenItem {
  id: string;
  label: string;
  createdAt: string;
  revokedAt: string | null;
}

export const adminApi = {
  rules: () => call<{ rules: RuleItem[] }>('GET', '/api/v1/routing-rules'),
  addRule: (r: { agencyId: string; category: string | null; areaCode: string | null; effectiveFrom: string }) =>
    call<RuleItem>('POST', '/api/v1/routing-rules', r),
  endRule: (id: string, effectiveTo: string) =>
    call<RuleItem>('POST', `/api/v1/routing-rules/${id}/end`, { effectiveTo }),
  preview: (category: string, lat: number, lng: number, date: string) =>
    call<{ area: { code: string; name: string } | null; agencyId: string | null; ruleId: string | null }>(
      'GET',
      `/api/v1/admin/routing-preview?${new URLSearchParams({ category, lat: String(lat), lng: String(lng), date })}`,
    ),
  sla: () => call<{ sla: SlaItem[] }>('GET', '/api/v1/admin/sla'),
  setSla: (s: SlaItem) =>
    call(
      'POST',
      `/api/v1/admin/sla/${encodeURIComponent(s.category)}${s.forPriority ? `/priority/${s.forPriority}` : ''}`,
      {
        responseAmount: s.responseAmount,
        responseUnit: s.responseUnit,
        resolutionAmount: s.resolutionAmount,
        resolutionUnit: s.resolutionUnit,
        ...(s.priority && s.category !== '*' && !s.forPriority ? { priority: s.priority } : {}),
      },
    ),
  removeSla: (category: string, priority: number) =>
    call('POST', `/api/v1/admin/sla/${encodeURIComponent(category)}/priority/${priority}/delete`, {}),
  holidays: (year: number) => call<{ days: HolidayItem[] }>('GET', `/api/v1/admin/holidays?year=${year}`),
  setHoliday: (h: HolidayItem) => call('POST', '/api/v1/admin/holidays', h),
  removeHoliday: (day: string) => call('POST', `/api/v1/admin/holidays/${day}/delete`, {}),
  staff: () => call<{ staff: StaffItem[] }>('GET', '/api/v1/staff'),
  invite: (s: { username: string; displayName: string; role: string; agencyId?: string }) =>
    call<IssuedInvite>('POST', '/api/v1/staff/invites', s),
  reinvite: (id: string) => call<IssuedInvite>('POST', `/api/v1/staff/${id}/invite`, {}),
  changeStaff: (id: string, c: Partial<Pick<StaffItem, 'role' | 'agencyId' | 'active' | 'displayName'>>) =>
    call<StaffItem>('POST', `/api/v1/admin/staff/${id}`, c),
  units: () => call<{ units: AdminUnit[] }>('GET', '/api/v1/admin/units'),
  saveUnit: (u: { id: string; agencyId: string; name: string; trade: string | null }) =>
    call<AdminUnit>('POST', '/api/v1/admin/units', u),
  tokens: (unitId: string) => call<{ tokens: TokenItem[] }>('GET', `/api/v1/units/${unitId}/tokens`),
  issueToken: (unitId: string, label: string) =>
    call<{ token: string }>('POST', `/api/v1/units/${unitId}/tokens`, { label }),
  revokeToken: (unitId: string, id: string) => call('POST', `/api/v1/units/${unitId}/tokens/${id}/revoke`, {}),
  cannedReplies: () =>
    call<{ replies: { id: string; category: string | null; text: string }[] }>('GET', '/api/v1/canned-replies'),
  addCannedReply: (category: string | null, text: string) => call('POST', '/api/v1/canned-replies', { category, text }),
  removeCannedReply: (id: string) => call('POST', `/api/v1/canned-replies/${id}/delete`, {}),
  audit: (entity?: string) =>
    call<{ entries: AuditItem[] }>('GET', `/api/v1/admin/audit${entity ? `?entity=${entity}` : ''}`),
};
