// The one typed contract between the realtime server and its clients (dashboard, tests, benches).
// Notices stay small and are safe for the audience of the room they are emitted to.

export type ReportStatus =
  | 'received' | 'triaged' | 'assigned' | 'in_progress' | 'resolved' | 'closed' | 'rejected' | 'reopened' | 'merged';

export type Audience = 'staff' | 'public';

export interface ReportNotice {
  /** Event log id (bigint as decimal string); clients keep the last one to resume. */
  eventId: string;
  kind: 'report.created' | 'report.updated';
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

export interface HelloMessage {
  audience: Audience;
  /** The newest event id this server has delivered; a fresh client starts from here. */
  lastEventId: string | null;
}

export interface MustRefetch {
  reason: 'gap-too-old' | 'buffer-overflow' | 'unknown-cursor';
}

export interface ServerToClientEvents {
  hello: (hello: HelloMessage) => void;
  notice: (notice: ReportNotice) => void;
  mustRefetch: (why: MustRefetch) => void;
}

export interface ClientToServerEvents {
  /** Ask for every event after this id that this socket may see. */
  resume: (lastEventId: string) => void;
}

/** Sent in the Socket.IO handshake `auth` field. */
export interface HandshakeAuth {
  token?: string;
  lastEventId?: string;
}

/** Who a socket belongs to, decided by the server at connect (and on token refresh), never by the client. */
export interface SocketActor {
  audience: Audience;
  role?: string;
  /** Staff bound to one agency (agency officers) get only that agency's room. */
  agencyId?: string | null;
}
