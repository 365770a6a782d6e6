// Dispatch DTOs re-exported for the console (type-only: the bundle stays server-free).
export type {
  AgencyDTO,
  NearestUnitsDTO,
  ReportContextDTO,
  TradeDTO,
  DuplicateDTO,
  ErrorDTO,
  QueueDTO,
  QueueItemDTO,
  SavedFilterDTO,
  SessionDTO,
  SlaDTO,
  StaffPhotoDTO,
  StaffRole,
  TimelineDTO,
  TimelineEntryDTO,
  UnitDTO,
} from '../../ingest/presenters/dto.ts';
export type { UnitNotice } from '../../realtime/protocol.ts';
