// The one typed contract between the realtime server and its clients (dashboard, tests, benches).
// Notices stay small and are safe for the audience of the room they are emitted to.

import type { ErrorBody } from '../domain/errors.ts';
import type { ReportEventKind } from '../domain/events.ts';
import type { ReportStatus } from '../domain/report-status.ts';
import type { Audience } from '../domain/roles.ts';
import type { UnitStatus } from '../domain/unit-status.ts';

export type { ReportStatus } from '../domain/report-status.ts';
export type { Audience, SocketActor } from '../domain/roles.ts';

export interface ReportNotice {
  /** Event log id (bigint as decimal string); clients keep the last one to resume. */
  eventId: string;
  kind: ReportEventKind;
  reportId: string;
  code: string;
  category: string;
  status: ReportStatus;
  version: number;
  /** H3 cell: exact (res 12) for staff; coarsened for the public, null when the public may not see where. */
  cell: string | null;
  areaCode: string | null;
  at: string;
}

/** A field unit moved or changed status: staff rooms only (its agency's room, or the whole staff room), never public. */
export interface UnitNotice {
  eventId: string;
  kind: 'unit.updated';
  unitId: string;
  agencyId: string;
  status: UnitStatus;
  lat: number | null;
  lng: number | null;
  version: number;
  /** Reports the unit is assigned to now. */
  reportIds: string[];
  at: string;
}

/**
 * An official alert was published, updated (it `replaces` an older one), cancelled or expired. Sent to every
 * socket whose area meets the alert's, outside the ordered notice stream: a screen shows it from the notice at once
 * and reloads the active list over HTTP (GET /api/v1/alerts) for its text and area, as it does on every connect.
 */
export interface AlertNotice {
  eventId: string;
  kind: 'alert';
  alertId: string;
  change: 'published' | 'updated' | 'cancelled' | 'expired';
  replaces: string | null;
  category: string;
  severity: string;
  urgency: string;
  headline: string;
  headlineEn: string | null;
  effective: string;
  expires: string;
  /** [west, south, east, north] of the alert's area. */
  bounds: number[];
  areaCodes: string[];
  at: string;
}

/**
 * A cell became a new or intensifying 95 % hot spot of a category over the last 24 h, or several categories
 * became hot spots in it together (`cooccurrence`). Province-wide staff rooms only, outside the ordered notice
 * stream: a screen (re)loads GET /api/v1/hotspots on connect.
 */
export interface HotspotNotice {
  eventId: string;
  kind: 'hotspot';
  change: 'new' | 'intensifying' | 'cooccurrence';
  cell: string;
  res: number;
  category: string | null;
  categories: string[];
  confidence: 95 | 99;
  z: number;
  count: number;
  areaCode: string | null;
  areaName: string | null;
  at: string;
}

export interface HelloMessage {
  audience: Audience;
  /** The newest event id this server has delivered; a fresh client starts from here. */
  lastEventId: string | null;
}

export interface MustRefetch {
  /** `reauthorize`: the socket's credentials no longer give the actor it connected as; it is disconnected next. */
  reason: 'gap-too-old' | 'buffer-overflow' | 'unknown-cursor' | 'reauthorize';
}

/**
 * Every notice of one delivery for this socket's room, in feed order. Sent instead of `notice` to
 * sockets that ask for `batch: true` in the handshake: one frame per room per delivery, not per event.
 */
export interface NoticeBatch {
  notices: ReportNotice[];
  /** Feed position this batch completes (an event id, maybe of an event this room does not see): resume from it. */
  upTo: string;
}

/** The area a public viewer watches: H3 res-5 cells, or a bbox [west, south, east, north] the server turns into them. */
export interface WatchRequest {
  cells?: string[];
  bbox?: [number, number, number, number];
  /** Narrow only the alerts this socket hears to the area; report notices keep coming for the whole province. */
  alertsOnly?: boolean;
}

/**
 * Why a watch or a handshake was refused, in the product's error shape: `messageVi` beside the English `message`,
 * and each field at fault (`watch.cells.0`) with its `reasonVi` and `reason`. A refused handshake's `connect_error`
 * carries it as `data`, its message the same words as text (`field: reasonVi / reason`, Vietnamese first).
 */
export type SocketError = ErrorBody['error'];

export type WatchResult = { ok: true; rooms: string[] } | { ok: false; error: SocketError };

export interface ServerToClientEvents {
  hello: (hello: HelloMessage) => void;
  notice: (notice: ReportNotice) => void;
  notices: (batch: NoticeBatch) => void;
  mustRefetch: (why: MustRefetch) => void;
  /** Staff sockets only: field units moving (see presentUnitNotice in notices.ts). */
  unit: (notice: UnitNotice) => void;
  /** Official alerts for this socket's area (see AlertNotice). */
  alert: (notice: AlertNotice) => void;
  /** Province-wide staff sockets only (see HotspotNotice). */
  hotspot: (notice: HotspotNotice) => void;
}

export interface ClientToServerEvents {
  /** Ask for every event after this id that this socket may see. */
  resume: (lastEventId: string) => void;
  /** Narrow (or widen) the area this socket hears; the server validates it and answers with the rooms it assigned. */
  watch: (watch: WatchRequest, ack?: (result: WatchResult) => void) => void;
}

/** Sent in the Socket.IO handshake `auth` field. */
export interface HandshakeAuth {
  token?: string;
  /** The last notice's eventId, or the last batch's `upTo`: the server replays what came after. */
  lastEventId?: string;
  /** Receive `notices` batches instead of one `notice` per event (fewer frames under load). */
  batch?: boolean;
  /** Area to watch from the start (public only); applies before the replay so it is filtered too. */
  watch?: WatchRequest;
}
