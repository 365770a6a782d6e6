// What every route may use, put on ctx.state by the app so routes stay thin.
import type { Logger } from 'pino';
import type { AreaLookup } from '../geo/types.ts';
import type { Db } from '../sql/db.ts';
import type { PublicReadLimit } from './public-reads.ts';
import type { MediaStore } from './media/media-store.ts';
import type { Actor } from './policies/roles.ts';
import type { LoginLimiter } from './auth/login-limiter.ts';
import type { Catalog } from './catalog.ts';
import type { AgencyRoutingTable } from './agency-routing-table.ts';
import type { ScreenAnswers } from './shared-answers.ts';
import type { PlaceSearch } from './places.ts';
import type { ReportBatcher } from './report-batcher.ts';
import type { HotspotReads } from './hotspots/hotspot-reads.ts';

export interface IngestDeps {
  /** Where processed report photos are kept (default: a folder under the system's temp dir; main.ts sets MEDIA_DIR). */
  media: MediaStore;
  db: Db;
  geocoder: AreaLookup;
  catalog: Catalog;
  /** Routing rules in force: which agency a new report goes to. */
  agencyRouting: AgencyRoutingTable;
  /**
   * A static read-only kiosk token, for tests and benches only: the product's walls use the revocable tokens
   * of wall_tokens (POST /api/v1/wall-tokens).
   */
  operatorToken?: string;
  /** Signs the socket tickets handed to signed-in staff; random per process unless configured. */
  sessionSecret?: string;
  loginLimiter?: LoginLimiter;
  /** Boundaries for the map, pre-serialised once: they do not change while running. */
  areasGeojson: { commune: string; province: string };
  mapStyleUrl?: string;
  /** A local PMTiles street basemap (MAP_PMTILES), served at /tiles/basemap.pmtiles. */
  mapPmtiles?: string;
  /** A folder of MapLibre glyph PBFs (MAP_GLYPHS) so the street style can label roads offline. */
  mapGlyphs?: string;
  /** GET /hotspots' study areas (shared with the monitor) and shared answers (ingest/hotspots/hotspot-reads.ts). */
  hotspots: HotspotReads;
  /** Shared for a second between screens asking the same (made per app when not given). */
  screenAnswers: ScreenAnswers;
  /** The group commit every report creation goes through (one per process: main.ts builds it). */
  reportBatcher: ReportBatcher;
  /** The last viewports GET /cells covered (res, window, box -> cells), at most 64: covering is CPU on the event loop. */
  viewportCovers: Map<string, { cells: string[]; cells10?: string[] }>;
  /** Citizen submissions in flight by idempotency key hash: a retry waits for its twin instead of racing it. */
  submissionsInFlight: Map<string, Promise<void>>;
  /** The address search over this deployment's places, built on first use. */
  placeSearch: () => Promise<PlaceSearch>;
  /** Anonymous reads run here (own connections, statement timeout; a replica with DATABASE_READ_URL); else on `db`. */
  publicDb?: Db;
  /** Reads per address per window for anonymous callers (ingest/public-reads.ts). */
  publicReadLimit?: PublicReadLimit;
  /**
   * Whether published demo secrets (demo accounts, `unit_demo_` tokens) are honoured. Off under
   * NODE_ENV=production whatever the database holds; createApp fills it in.
   */
  acceptDemoSecrets?: boolean;
  /** Behind a TLS-terminating proxy (TRUST_PROXY=1): believe X-Forwarded-For/-Proto for the address and Secure cookies. */
  trustProxy?: boolean;
  /** The product's logger (main.ts): access lines and errors; silent when absent (tests, tools). */
  logger?: Logger;
  /** Metrics of this server's other processes (the feed process), merged into /metrics; prom-client JSON. */
  otherProcessMetrics?: () => Promise<object[]>;
}

export interface IngestState {
  deps: IngestDeps;
  actor: Actor;
  /** The session's CSRF token when the caller came with a session cookie. */
  csrfToken: string | null;
  sessionTokenHash: string | null;
  /** This request's id (X-Request-Id), also on the events it writes (ingest/request-log.ts). */
  requestId?: string;
  /** Charges an anonymous caller's read budget more for an expensive answer (ingest/public-reads.ts); 429 when spent. */
  chargeRead?: (points: number) => Promise<void>;
}
