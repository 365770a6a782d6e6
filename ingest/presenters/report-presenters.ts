// Explicit allowlists: what the public and what staff may see of a report.
import { bigintToCell } from '../../geo/h3.ts';
import { publicCellOf } from '../../geo/privacy.ts';
import type { ReportRow, StoredReportRow } from '../../sql/queries/reports.ts';
import type { CreatedReportDTO, PublicReportDTO, StaffReportDTO } from './dto.ts';

export function presentPublicReport(row: ReportRow, sensitive: boolean): PublicReportDTO {
  // Snapped to a res-9 cell centre; sensitive categories (security, misconduct) get no public position.
  const place = publicCellOf(bigintToCell(row.h3_cell), sensitive);
  return {
    id: row.id,
    code: row.tracking_code,
    category: row.category,
    status: row.status,
    lat: place?.lat ?? null,
    lng: place?.lng ?? null,
    cell: place?.cell ?? null,
    areaCode: row.area_code,
    areaName: row.area_name,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** `contact: false` (the wall display) leaves the reporter's name and phone out. */
export function presentStaffReport(row: ReportRow, { contact = true } = {}): StaffReportDTO {
  return {
    id: row.id,
    code: row.tracking_code,
    category: row.category,
    status: row.status,
    lat: row.lat,
    lng: row.lng,
    cell: bigintToCell(row.h3_cell),
    areaCode: row.area_code,
    areaName: row.area_name,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
    description: row.description,
    needsTriage: row.needs_triage,
    agencyId: row.agency_id,
    routingRuleId: row.routing_rule_id ?? null,
    channel: row.channel ?? 'web',
    reporter: contact
      ? { name: row.reporter_name, phone: row.reporter_phone, anonymous: row.anonymous }
      : { name: null, phone: null, anonymous: row.anonymous },
    answers: row.answers ?? {},
  };
}

export function presentCreatedReport(
  row: StoredReportRow,
  citizen?: { trackingSecret: string; photoIds: string[] },
): CreatedReportDTO {
  const tracking = citizen && {
    trackingUrl: `/track/${encodeURIComponent(row.tracking_code)}?k=${citizen.trackingSecret}`,
    trackingSecret: citizen.trackingSecret,
    photos: citizen.photoIds.map((id) => ({ id })),
  };
  return {
    id: row.id,
    code: row.tracking_code,
    cell: bigintToCell(row.h3_cell),
    area: row.area_code ? { code: row.area_code, name: row.area_name ?? row.area_code } : null,
    needsTriage: row.needs_triage,
    status: row.status,
    ...tracking,
  };
}
