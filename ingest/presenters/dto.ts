// DTOs the HTTP API returns; the dashboard imports these types only.
import type { ReportStatus } from '../../realtime/protocol.ts';

export interface CategoryDTO {
  code: string;
  nameVi: string;
  nameEn: string;
  /** Sensitive categories (security, misconduct) never show an exact location publicly. */
  sensitive: boolean;
  color: [number, number, number];
}

export interface PublicReportDTO {
  id: string;
  code: string;
  category: string;
  status: ReportStatus;
  /** Public position: snapped to a cell centre; null for sensitive categories. */
  lat: number | null;
  lng: number | null;
  cell: string | null;
  areaCode: string | null;
  areaName: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface StaffReportDTO extends Omit<PublicReportDTO, 'lat' | 'lng' | 'cell'> {
  lat: number;
  lng: number;
  cell: string;
  description: string;
  needsTriage: boolean;
  agencyId: string | null;
  reporter: { name: string | null; phone: string | null; anonymous: boolean };
}

export interface ReportSnapshotDTO<R = PublicReportDTO | StaffReportDTO> {
  /** Event id the snapshot is consistent with; live notices at or before it are already included. */
  lastEventId: string | null;
  reports: R[];
}

export interface CellCountDTO { cell: string; count: number }

export interface CellsDTO { res: number; cells: CellCountDTO[] }

export interface StatsDTO {
  total: number;
  last24h: number;
  byStatus: Record<string, number>;
  byCategory: Record<string, number>;
}

export interface CreatedReportDTO {
  id: string;
  code: string;
  cell: string;
  area: { code: string; name: string } | null;
  needsTriage: boolean;
  status: ReportStatus;
}

/** Stable error shape of every 4xx/5xx. */
export interface ErrorDTO {
  error: { code: string; message: string; messageVi?: string; fields?: { field: string; reason: string }[] };
}
