// Client-side shapes built on the server contracts (type-only imports keep the bundle server-free).
import type { PublicReportDTO, StaffReportDTO } from '../../ingest/presenters/dto.ts';

export type {
  PublicReportDTO,
  StaffReportDTO,
  ReportSnapshotDTO,
  CategoryDTO,
  StatsDTO,
  CellsDTO,
  TransparencyDTO,
} from '../../ingest/presenters/dto.ts';
export type { ReportNotice, ReportStatus, Audience, HelloMessage, MustRefetch } from '../../realtime/protocol.ts';

/** A report as held by the dashboard; `stub` marks one known only from a notice (position = cell centre). */
export type Report = (PublicReportDTO | StaffReportDTO) & { stub?: boolean };

export function isStaffReport(r: Report): r is StaffReportDTO & { stub?: boolean } {
  return 'reporter' in r;
}

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline';

/** Reports counted in one H3 cell, as the density layer draws it. */
export interface HexCount {
  hex: string;
  count: number;
}
