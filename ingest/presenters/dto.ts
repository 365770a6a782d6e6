// DTOs the HTTP API returns; the dashboard imports these types only.
import type { ReportStatus } from '../../domain/report-status.ts';
import type { Role } from '../../domain/roles.ts';
import type { UnitStatus } from '../../domain/unit-status.ts';

export interface CategoryDTO {
  code: string;
  nameVi: string;
  nameEn: string;
  /** Sensitive categories (security, misconduct) never show an exact location publicly. */
  sensitive: boolean;
  color: [number, number, number];
  /** What the report form asks for this category, in order (Open311 publishes them as service attributes). */
  questions: QuestionDTO[];
}

export type QuestionDatatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

export interface QuestionDTO {
  code: string;
  datatype: QuestionDatatype;
  required: boolean;
  label: string;
  labelEn: string;
  hint?: string;
  hintEn?: string;
  /** The choices of singlevaluelist and multivaluelist questions; answers carry the key. */
  values?: { key: string; name: string; nameEn: string }[];
  min?: number;
  max?: number;
  unit?: string;
}

/** A report's answers: a number for number questions, a list of keys for multivaluelist, a string otherwise. */
export type AnswersDTO = Record<string, string | number | string[]>;

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
  /** GET /reports/:id only: approved photos (staff detail: every photo with its moderation state). */
  photos?: PhotoDTO[];
}

export interface StaffReportDTO extends Omit<PublicReportDTO, 'lat' | 'lng' | 'cell'> {
  lat: number;
  lng: number;
  cell: string;
  description: string;
  needsTriage: boolean;
  agencyId: string | null;
  /** The routing rule that chose agencyId (null: routed by hand or not yet routed). */
  routingRuleId?: string | null;
  /** web, app, hotline or open311:<client>. */
  channel?: string;
  reporter: { name: string | null; phone: string | null; anonymous: boolean };
  /** Answers to the category's questions (staff only: free text may carry personal details). */
  answers?: AnswersDTO;
  /** Staff detail only (GET /reports/:id, /reports/:id/dispatch): every photo, with its moderation state. */
  photos?: StaffPhotoDTO[];
}

export interface ReportSnapshotDTO<R = PublicReportDTO | StaffReportDTO> {
  /** Event id the snapshot is consistent with; live notices at or before it are already included. */
  lastEventId: string | null;
  reports: R[];
}

export interface CellCountDTO {
  cell: string;
  count: number;
}

export interface CellsDTO {
  res: number;
  cells: CellCountDTO[];
  /**
   * Public only: sensitive categories as counts per res-7 cell, only where at least k reports share it, as of the
   * last published batch `asOf` (null: nothing published yet); see geo/privacy.ts.
   */
  sensitive?: { res: number; k: number; asOf: string | null; cells: CellCountDTO[] };
}

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
  /** Citizen submissions: the reporter's own link (the secret proves them on /track), shown once. */
  trackingUrl?: string;
  trackingSecret?: string;
  photos?: { id: string }[];
}

/** Stable error shape of every 4xx/5xx. */
export interface ErrorDTO {
  error: {
    code: string;
    message: string;
    messageVi?: string;
    /** Each refused field: why in English (`reason`) and in Vietnamese (`reasonVi`). */
    fields?: { field: string; reason: string; reasonVi: string }[];
  };
}

// ---- Dispatch (staff console) ----

export type StaffRole = Role;

export interface SessionDTO {
  audience: 'staff' | 'public';
  user: {
    id: string | null;
    username: string | null;
    name: string;
    role: StaffRole;
    agencyId: string | null;
    unitId: string | null;
  } | null;
  /** Echo in the x-csrf-token header on every write made with the session cookie. */
  csrfToken: string | null;
  /** Handshake token for the live feed (the session cookie is httpOnly). */
  socketToken: string | null;
}

export interface SlaDTO {
  phase: 'response' | 'resolution' | null;
  dueAt: string | null;
  atRiskAt: string | null;
  overdue: boolean;
  atRisk: boolean;
}

export interface QueueItemDTO extends StaffReportDTO {
  responseDueAt: string | null;
  dueAt: string | null;
  sla: SlaDTO;
  unitId: string | null;
  incidentId: string | null;
  /** The incident's status when this report was merged into one; reporters follow that. */
  incidentStatus: ReportStatus | null;
  incidentSize: number | null;
  rejectReason: string | null;
  /** Moves the caller may make from here (the server enforces the same table). */
  allowedTransitions: ReportStatus[];
  /** 1 urgent .. 4 low. */
  priority: number | null;
  /** Whether Assign (or reassign) and Merge would be accepted: closed and merged reports offer neither. */
  canAssign: boolean;
  canMerge: boolean;
}

export interface QueueDTO {
  now: string;
  items: QueueItemDTO[];
  /** Every report the filters match (as of the first page), not only this page. */
  total: number;
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

export interface AgencyDTO {
  id: string;
  nameVi: string;
  nameEn: string;
  kind: string;
}

export interface TradeDTO {
  code: string;
  nameVi: string;
  nameEn: string;
}

export interface CannedReplyDTO {
  id: string;
  /** null: offered for every category. */
  category: string | null;
  text: string;
}

/** Beside a report in the console: the place in words, the reporter's other reports, the citizen's say. */
export interface ReportContextDTO {
  address: { commune: string | null; nearest: { name: string; kind: string; distanceM: number } | null };
  lat: number;
  lng: number;
  /** The desk only, and not for anonymous reports. */
  reporterHistory: {
    count: number;
    recent: { id: string; code: string; status: string; category: string; createdAt: string }[];
  } | null;
  rating: { stars: number; comment: string | null; at: string } | null;
  reopenedByReporter: { at: string; reason: string | null } | null;
  cannedReplies: CannedReplyDTO[];
}

/** A street found for a typed address; the point is the interpolated house when the street has a number range. */
export interface AddressCandidateDTO {
  street: string;
  houseNumber: number | null;
  exactHouse: boolean;
  area: { code: string; name: string } | null;
  lat: number;
  lng: number;
  /** The matched street, to draw on the map. */
  line: [number, number][];
  score: number;
}

export interface SavedFilterDTO {
  id: string;
  name: string;
  query: Record<string, string>;
}

export interface TimelineEntryDTO {
  id: string;
  at: string;
  from: ReportStatus;
  to: ReportStatus;
  /** Staff only: who did it and the internal note. */
  actor?: { name: string; role: string };
  reason: string | null;
  internalNote?: string | null;
  publicReply: string | null;
  unitId?: string | null;
  incidentId?: string | null;
}

export interface TimelineDTO {
  reportId: string;
  entries: TimelineEntryDTO[];
}

export interface UnitDTO {
  id: string;
  agencyId: string;
  name: string;
  status: UnitStatus;
  lat: number | null;
  lng: number | null;
  positionAt: string | null;
  version: number;
  reportIds: string[];
  trade: string | null;
  distanceM?: number;
  /** Nearest-unit answers: the routed agency's unit of the category's trade (the one **A** may send). */
  matchesRouting?: boolean;
}

export interface NearestUnitsDTO {
  units: UnitDTO[];
  /** Whom the report is routed to and the trade its category needs, to say who is missing when none matches. */
  routed: { agencyId: string | null; trade: string | null };
}

/** A unit phone's token as administrators see it: never the token itself, which is shown once when issued. */
export interface UnitTokenDTO {
  id: string;
  unitId: string;
  label: string;
  /** A seeded demo token: refused under NODE_ENV=production. */
  demo: boolean;
  createdAt: string;
  revokedAt: string | null;
}

/** The answer to issuing a token: the only time the token is ever shown. */
export interface IssuedUnitTokenDTO extends UnitTokenDTO {
  token: string;
}

export interface DuplicateDTO {
  id: string;
  code: string;
  category: string;
  status: ReportStatus;
  description: string;
  lat: number;
  lng: number;
  createdAt: string;
  incidentId: string | null;
  distanceM: number;
}

/** What a Web Push message carries to the PWA's service worker (dashboard/pwa/push-handler.ts): public text and a link. */
export interface PushPayloadDTO {
  kind: 'alert' | 'report';
  title: string;
  titleEn?: string | null;
  body: string;
  /** The page a tap opens: the map over the alert, or the report's tracking page. */
  url: string;
  alertId?: string;
  code?: string;
  status?: string;
}

/** An official alert as GET /api/v1/alerts presents it (public fields; publishers also get the `desk` part). */
export interface AlertDTO {
  id: string;
  msgType: 'Alert' | 'Update' | 'Cancel';
  references: string | null;
  state: 'pending_approval' | 'scheduled' | 'published' | 'superseded' | 'cancelled';
  title: string;
  body: string;
  titleEn: string | null;
  bodyEn: string | null;
  category: string;
  severity: string;
  urgency: string;
  certainty: string;
  effective: string;
  expires: string;
  sentAt: string | null;
  areaDesc: string;
  areaCodes: string[];
  /** [west, south, east, north] */
  bounds: number[];
  geometry: { type: 'MultiPolygon'; coordinates: number[][][][] };
  capUrl: string;
  desk?: {
    createdByName: string;
    approvedByName: string | null;
    publishAt: string | null;
    source: string;
    needsApproval: boolean;
  };
}

// ---- Citizens: tracking a report by its code ----

/** Where a report stands, in the words a citizen follows: received -> processing -> resolved -> closed. */
export type PublicPhase = 'received' | 'processing' | 'resolved' | 'closed';

export interface PhotoDTO {
  id: string;
  thumbUrl: string;
  displayUrl: string;
}

export interface StaffPhotoDTO extends PhotoDTO {
  moderation: 'pending' | 'approved' | 'rejected';
}

export interface TrackDTO {
  code: string;
  /** The id public socket notices carry, to follow the report live. */
  reportId: string;
  category: string;
  status: ReportStatus;
  phase: PublicPhase;
  /** Null for sensitive categories unless the reporter (secret) asks. */
  area: { code: string; name: string } | null;
  createdAt: string;
  deadline: string | null;
  timeline: { at: string; status: ReportStatus; label: string; labelEn: string; publicReply?: string }[];
  /** Approved photos only. */
  photos: PhotoDTO[];
  rating: { stars: number; comment: string | null } | null;
  /** The tracking secret was given and is right. */
  reporter: boolean;
  canRate: boolean;
  canReopen: boolean;
  reopenUntil: string | null;
}

/** GET /api/v1/transparency: per commune or agency, over 30 or 365 days; sensitive categories left out. */
export interface TransparencyDTO {
  window: '30d' | '365d';
  by: 'commune' | 'agency';
  excludesSensitive: true;
  rows: {
    key: string;
    name: string;
    nameEn: string;
    received: number;
    resolved: number;
    /** Reports whose outcome is known (resolved, or unresolved past the deadline): the on-time denominator. */
    due: number;
    resolvedOnTime: number;
    /** resolvedOnTime / due, null while nothing is due. */
    onTimeRate: number | null;
    medianHoursToResolve: number | null;
  }[];
}

/** GET /api/v1/wall/stats: the wall's figures at `at` (sql/queries/wall-stats.ts has the definitions). */
export interface WallStatsDTO {
  at: string;
  /** Since the centre's local midnight; merged duplicates not counted. */
  receivedToday: number;
  /** Waiting for the desk or being worked on. */
  open: number;
  /** Open and past the deadline that applies now (response, then resolution). */
  overdue: number;
  /** Of reports received in the last 7 days whose outcome is known, the % resolved by their deadline; null: none yet. */
  resolvedOnTimePct: number | null;
  medianTriageMinutes: number | null;
  /** Agencies with open reports, most overdue first (agencyId null: not routed yet). */
  byAgency: { agencyId: string | null; name: string | null; nameEn: string | null; open: number; overdue: number }[];
  /** Reports per category per hour (last 24 h) and per local day (last 7), oldest first, zeros included. */
  trends: {
    hourly: { at: string; category: string; n: number }[];
    daily: { at: string; category: string; n: number }[];
  };
  /** The centre's time zone, whose days "today" and the daily trend count (IANA name). */
  timeZone: string;
}
