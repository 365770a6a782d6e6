// Explicit allowlists: what the public and what staff may see of a report.
import { bigintToCell, cellCentre, parentCell } from '../../geo/h3.ts';
import type { ReportRow } from '../../sql/queries/reports.ts';
import type { ReportStatus } from '../../realtime/protocol.ts';
import type { CreatedReportDTO, PublicReportDTO, StaffReportDTO } from './dto.ts';

/** Public positions are snapped to this cell's centre (~0.1 km²) so no doorstep is pinpointed. */
export const PUBLIC_CELL_RES = 9;

export function presentPublicReport(row: ReportRow, sensitive: boolean): PublicReportDTO {
  // Sensitive categories (security, misconduct) never get a public position: only area counts.
  const cell = sensitive ? null : parentCell(bigintToCell(row.h3_cell), PUBLIC_CELL_RES);
  const centre = cell ? cellCentre(cell) : null;
  return {
    id: row.id,
    code: row.tracking_code,
    category: row.category,
    status: row.status as ReportStatus,
    lat: centre?.lat ?? null,
    lng: centre?.lng ?? null,
    cell,
    areaCode: row.area_code,
    areaName: row.area_name,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

export function presentStaffReport(row: ReportRow): StaffReportDTO {
  return {
    id: row.id,
    code: row.tracking_code,
    category: row.category,
    status: row.status as ReportStatus,
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
    reporter: { name: row.reporter_name, phone: row.reporter_phone, anonymous: row.anonymous },
  };
}

export function presentCreatedReport(row: ReportRow): CreatedReportDTO {
  return {
    id: row.id,
    code: row.tracking_code,
    cell: bigintToCell(row.h3_cell),
    area: row.area_code ? { code: row.area_code, name: row.area_name ?? row.area_code } : null,
    needsTriage: row.needs_triage,
    status: row.status as ReportStatus,
  };
}
