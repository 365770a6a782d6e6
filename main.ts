// Composition root: the only module that knows both edges (ingest HTTP, realtime sockets) and wires them
// on one port. `npm start` runs it; tests call startProduct() to run the real thing in-process. Run with
// --feed-process it is the feed's own process, which startProduct forks (realtime/process/feed-process.ts).
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { pino, type DestinationStream, type Logger } from 'pino';
import { Registry } from 'prom-client';
import { buildAreaIndex } from './geo/area-index.ts';
import { cellAt, cellToBigint } from './geo/h3.ts';
import { hashPassword } from './ingest/auth/password.ts';
import { hashToken } from './ingest/auth/tokens.ts';
import { createSessionSocketAuthorizer } from './ingest/policies/socket-actor.ts';
import { createApp } from './ingest/app.ts';
import { answerClientErrors } from './ingest/client-errors.ts';
import { loadCatalog } from './ingest/catalog.ts';
import { AgencyRoutingTable } from './ingest/agency-routing-table.ts';
import { lazyPlaceSearch } from './ingest/places.ts';
import { ReportBatcher } from './ingest/report-batcher.ts';
import { newScreenAnswers } from './ingest/shared-answers.ts';
import { HotspotGrids } from './ingest/hotspots/hotspot-analysis.ts';
import { startHotspotMonitor } from './ingest/hotspots/hotspot-monitor.ts';
import { DEMO_WALL_TOKEN } from './ingest/auth/resolve-caller.ts';
import { watchWallTokens } from './ingest/auth/wall-token-set.ts';
import { insertWallToken } from './sql/queries/wall-tokens.ts';
import { startSimulator } from './ingest/demo/simulator.ts';
import { dashboardMiddleware } from './ingest/static.ts';
import { runFeedChild, type FeedChild } from './realtime/process/child.ts';
import { serveWithFeed } from './realtime/process/port.ts';
import { startFeedProcess } from './realtime/process/feed-process.ts';
import { startAlertSweeper } from './ingest/commands/sweep-alerts.ts';
import { startPushSender } from './ingest/push/push-sender.ts';
import { loadVapidKeys } from './ingest/push/vapid.ts';
import { attachRealtime } from './realtime/server.ts';
import { createFeedPool, createPool, createPublicReadPool, migrate } from './sql/db.ts';
import { startRollupApplier } from './sql/rollup-applier.ts';
import { startWebhookDeliverer } from './ingest/webhooks/deliverer.ts';
import { DEFAULT_DATA_DIR, openDatabase } from './sql/open-database.ts';
import { DiskMediaStore } from './ingest/media/media-store.ts';
import { stopPhotoWorker } from './ingest/media/photo-worker-pool.ts';
import { startCitizenPurge } from './ingest/citizen/purge.ts';
import { dirname, join } from 'node:path';
import { currentAreas } from './sql/queries/areas.ts';
import { seedCatalog } from './sql/seed/seed-catalog.ts';
import { seedDemoDispatch, seedSlaConfig } from './sql/seed/seed-dispatch.ts';
import { DEMO_PASSWORD, DEMO_STAFF } from './sql/seed/dispatch-data.ts';
import { activeDemoUsernames, sessionStillGrants } from './sql/queries/staff.ts';
import { hotspotReads } from './ingest/hotspots/hotspot-reads.ts';

export interface ProductOptions {
  port?: number;
  host?: string;
  /** Any Postgres; when absent an embedded one runs with its data in `dataDir`. */
  databaseUrl?: string;
  dataDir?: string;
  /** Processed report photos (MEDIA_DIR); default `media` beside the embedded database's folder (.data/media). */
  mediaDir?: string;
  demo?: boolean;
  demoRate?: number;
  /** A static kiosk token for benches and tests; walls in use get revocable tokens (POST /api/v1/wall-tokens). */
  operatorToken?: string;
  /** Signs staff socket tickets; random per start unless given (set it when running several servers). */
  sessionSecret?: string;
  /** Seed one demo account per role and demo field units (default: on unless NODE_ENV=production). */
  demoAccounts?: boolean;
  mapStyleUrl?: string;
  /** A PMTiles street basemap file and a glyphs folder for its labels (MAP_PMTILES, MAP_GLYPHS). */
  mapPmtiles?: string;
  mapGlyphs?: string;
  /** The live hot-spot monitor (ingest/hotspots/hotspot-monitor.ts); false turns it off (benchmarks). */
  hotspots?: boolean;
  /** Behind a TLS-terminating proxy: trust X-Forwarded-For/-Proto (client address for throttling, Secure cookies). */
  trustProxy?: boolean;
  /** The embedded cluster died and could not be restarted (the command line exits 1 for its service manager). */
  onDatabaseLost?: (error: unknown) => void;
  /** Anonymous reads on a streaming replica instead of the primary (their own small pool either way). */
  databaseReadUrl?: string;
  /** Anonymous reads per address per 10 s (default 300). */
  publicReadsPer10s?: number;
  /**
   * The change feed, served by its own process behind the same port: off serves HTTP only (benchmarks);
   * coalesceMs gathers notices into fewer frames; nice (default 19) is how far it yields the cores to the write path.
   */
  feed?: { enabled?: boolean; coalesceMs?: number; nice?: number };
  distDir?: string;
  /** Structured JSON logs (createLogger); silent when absent. The feed process's lines come through it too. */
  logger?: Logger;
}

export interface RunningProduct {
  url: string;
  operatorUrl: string;
  publicUrl: string;
  /** The demo wall's token (stored hashed, same across restarts), or the static one given; '' in production. */
  operatorToken: string;
  dispatchUrl: string;
  /** Demo accounts that exist (all share DEMO_PASSWORD); empty in production. */
  demoAccounts: { username: string; role: string }[];
  databaseUrl: string;
  /** The feed process's pid (null while it restarts, or with the feed off). */
  feedPid(): number | null;
  stop(): Promise<void>;
}

/** What the feed process needs to authorise sockets and tail the log, sent to it over IPC. */
interface FeedConfig {
  databaseUrl: string;
  /** A static kiosk token given in the options (benches); walls use wall_tokens. */
  staticToken?: string;
  acceptDemo: boolean;
  sessionSecret: string;
  coalesceMs: number;
  /** The main logger's level: lines it would drop are not sent over IPC at all (LOG_LEVEL=debug traces each emit). */
  logLevel: string;
}

const FEED_PROCESS_ARG = '--feed-process';
export const DEFAULT_FEED_NICE = 19;

const ROOT = fileURLToPath(new URL('.', import.meta.url));
/** Road-label glyphs made from the bundled font (dashboard/map/glyphs/make-glyphs.mjs). */
const SHIPPED_GLYPHS = `${ROOT}dashboard/map/glyphs`;

/** Personal data that must never reach a log line, whatever object carries it (README, Observability). */
const REDACTED = [
  'reporterName',
  'reporterPhone',
  'reporter_name',
  'reporter_phone',
  'phone',
  'nationalId',
  'national_id',
]
  .flatMap((key) => [key, `*.${key}`, `*.reporter.${key}`])
  .concat(['*.reporter', 'err.detail', 'err.parameters', '*.headers.authorization', '*.headers.cookie']);

/** The product's one logger: JSON lines on stdout (or `destination`), level from LOG_LEVEL. */
export function createLogger(destination?: DestinationStream, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino(
    { level, base: { pid: process.pid }, redact: { paths: REDACTED, censor: '[redacted]' } },
    destination ?? pino.destination(1),
  );
}

export async function startProduct(opts: ProductOptions = {}): Promise<RunningProduct> {
  const logger = opts.logger ?? pino({ enabled: false });
  const log = (line: string) => logger.info(line);
  const warn = (what: string) => (e: unknown) => logger.error({ err: e }, what);
  const database = await openDatabase({
    databaseUrl: opts.databaseUrl,
    dataDir: opts.dataDir,
    log,
    onLost: (e) => {
      warn('embedded PostgreSQL could not be restarted')(e);
      opts.onDatabaseLost?.(e);
    },
  });
  const databaseUrl = database.url;
  // With the feed on, writes ring its doorbell after commit, throttled (sql/doorbell.ts); off (benchmarks), the trigger decides.
  const db = createPool(databaseUrl, 30, { ringAfterCommit: opts.feed?.enabled !== false });
  // Anonymous reads get three connections of their own with a 2 s statement timeout: never the write path's.
  const publicDb = createPublicReadPool(opts.databaseReadUrl ?? databaseUrl, 3);
  const applied = await migrate(db);
  if (applied.length) log(`migrations applied: ${applied.join(', ')}`);
  if (await seedCatalog(db)) log('seeded the Thanh Hóa demo catalog (166 communes, categories, agencies)');
  await seedSlaConfig(db);
  const production = process.env.NODE_ENV === 'production';
  if (opts.demoAccounts ?? !production) {
    const created = await seedDemoDispatch(db, {
      hashPassword,
      hashToken,
      cellOf: (lat, lng) => cellToBigint(cellAt(lat, lng)),
    });
    if (created.length) log(`seeded demo staff accounts: ${created.join(', ')}`);
    const wall = await insertWallToken(db, {
      name: 'Demo wall / Màn hình tường thử',
      tokenHash: hashToken(DEMO_WALL_TOKEN),
      demo: true,
      config: {},
      createdBy: null,
    });
    if (wall) log('seeded the demo wall token');
  }
  const demoUsers = await activeDemoUsernames(db);
  if (production && demoUsers.length) {
    await db.end();
    await database.stop();
    throw new Error(
      `Refusing to start in production with demo accounts and their published password: ${demoUsers.join(', ')}. ` +
        'Deactivate them (UPDATE staff_users SET active = false WHERE demo) and create real accounts.',
    );
  }

  const catalog = await loadCatalog(db);
  const geocoder = buildAreaIndex(await currentAreas(db, 'commune'));
  const areasGeojson = {
    commune: JSON.stringify(await currentAreas(db, 'commune', true)),
    province: JSON.stringify(await currentAreas(db, 'province', true)),
  };
  // Walls use revocable tokens from wall_tokens; the demo wall's published one works only outside production.
  const operatorToken = opts.operatorToken ?? ((opts.demoAccounts ?? !production) ? DEMO_WALL_TOKEN : '');
  const sessionSecret = opts.sessionSecret ?? randomBytes(32).toString('base64url');
  const agencyRouting = await new AgencyRoutingTable(db).reload();
  const media = new DiskMediaStore(opts.mediaDir ?? join(dirname(opts.dataDir ?? DEFAULT_DATA_DIR), 'media'));
  const hotspotGrids = new HotspotGrids((await currentAreas(db, 'province')).features.map((f) => f.geometry));
  const app = createApp({
    db,
    geocoder,
    catalog,
    agencyRouting,
    operatorToken,
    sessionSecret,
    areasGeojson,
    hotspots: hotspotReads(db, hotspotGrids),
    viewportCovers: new Map(),
    mapStyleUrl: opts.mapStyleUrl,
    mapPmtiles: opts.mapPmtiles,
    // The shipped Be Vietnam Pro glyphs label the roads unless the province brings its own (MAP_GLYPHS).
    mapGlyphs: opts.mapGlyphs ?? (opts.mapPmtiles ? SHIPPED_GLYPHS : undefined),
    trustProxy: opts.trustProxy,
    publicDb,
    publicReadLimit: opts.publicReadsPer10s ? { points: opts.publicReadsPer10s, windowS: 10 } : undefined,
    media,
    // Built once here and passed down (no state hidden per pool in modules).
    screenAnswers: newScreenAnswers(),
    reportBatcher: new ReportBatcher(db),
    placeSearch: lazyPlaceSearch(db),
    submissionsInFlight: new Map<string, Promise<void>>(),
    logger,
    // The feed process keeps its own figures (lag, sockets per audience); /metrics asks it for them.
    otherProcessMetrics: () => feed?.metrics() ?? Promise.resolve([]),
  });
  app.use(dashboardMiddleware(opts.distDir ?? `${ROOT}dist`));
  app.on('error', (e, ctx?: { state?: { requestId?: string } }) =>
    logger.error({ err: e, reqId: ctx?.state?.requestId }, 'http error'),
  );

  const feed =
    opts.feed?.enabled === false
      ? null
      : await startFeedProcess<FeedConfig>({
          entry: fileURLToPath(import.meta.url),
          args: [FEED_PROCESS_ARG],
          config: {
            databaseUrl,
            staticToken: opts.operatorToken,
            acceptDemo: !production,
            sessionSecret,
            coalesceMs: opts.feed?.coalesceMs ?? 50,
            logLevel: logger.level,
          },
          nice: opts.feed?.nice ?? DEFAULT_FEED_NICE,
          logger: logger.child({ proc: 'feed' }),
        }).catch(async (e) => {
          await db.end();
          await database.stop();
          throw e;
        });
  const rollups = startRollupApplier(db, { onError: warn('rollups') });
  // Scheduled alerts publish themselves and expired ones leave live screens, on every server (rows are locked).
  // Idempotency records past their window, photo files of reports that never committed.
  const citizenPurge = startCitizenPurge(db, media, { onError: warn('purge') });
  const alertSweeper = startAlertSweeper(db, { onError: warn('alerts') });
  // The webhook outbox (filled in the events' own transactions) is sent by every server; claims do not overlap.
  const webhooks = startWebhookDeliverer(db, { onError: warn('webhooks') });
  const hotspots =
    opts.hotspots === false
      ? null
      : startHotspotMonitor(db, hotspotGrids, geocoder, {
          onError: warn('hotspots'),
        });
  // Web Push of alerts and of followed reports' status changes (VAPID keys from the environment or stored once).
  const pushSender = startPushSender(db, await loadVapidKeys(db), {
    onError: warn('push'),
  });
  const { http, drain: drainHttp, close: closeHttp } = serveWithFeed(app.callback(), feed);
  answerClientErrors(http);
  await new Promise<void>((done) => http.listen(opts.port ?? 8080, opts.host ?? '0.0.0.0', done));
  const { port } = http.address() as { port: number };
  const url = `http://127.0.0.1:${port}`;
  const stopDemo = opts.demo
    ? startSimulator(url, opts.demoRate, (lat, lng) => geocoder.lookup(lng, lat) !== null)
    : () => {};

  return {
    url,
    operatorUrl: operatorToken ? `${url}/ops?token=${operatorToken}` : `${url}/ops`,
    publicUrl: `${url}/map`,
    operatorToken,
    dispatchUrl: `${url}/dispatch`,
    demoAccounts: DEMO_STAFF.filter((d) => demoUsers.includes(d.username)).map((d) => ({
      username: d.username,
      role: d.role,
    })),
    databaseUrl,
    feedPid: () => feed?.pid() ?? null,
    stop: async () => {
      // New requests get 503 + Retry-After from here on; those in flight finish before the pool closes.
      drainHttp();
      stopDemo();
      // Background work first: on Ctrl-C the embedded Postgres is shutting down already (it shares the
      // terminal's process group), and a rollup run started now would only fail and say so.
      await rollups.stop();
      await alertSweeper.stop();
      await citizenPurge.stop();
      await webhooks.stop();
      await hotspots?.stop();
      await pushSender.stop();
      await feed?.stop();
      await closeHttp();
      stopPhotoWorker();
      await publicDb.end();
      await db.end();
      await database.stop();
    },
  };
}

/** The feed process: the realtime edge alone, on connections the main process hands it. */
async function startFeedChild(config: FeedConfig, logger: Logger): Promise<FeedChild> {
  logger.level = config.logLevel;
  const db = createFeedPool(config.databaseUrl, 8);
  const metrics = new Registry();
  const walls = await watchWallTokens(db, {
    acceptDemo: config.acceptDemo,
    onError: (e) => logger.error({ err: e }, 'wall tokens'),
  });
  // Socket.IO answers its own path; anything else on the loopback port gets a 404 rather than no answer.
  const http = createServer((_req, res) => res.writeHead(404).end());
  const realtime = await attachRealtime(http, {
    db,
    listenUrl: config.databaseUrl,
    // A wall's token, a signed staff ticket from GET /api/v1/auth/session, or the public.
    authorize: createSessionSocketAuthorizer({
      operatorToken: config.staticToken,
      isWallToken: walls.has,
      ticketSecret: config.sessionSecret,
      sessionStillGrants: (claims) => sessionStillGrants(db, claims, process.env.NODE_ENV !== 'production'),
    }),
    coalesceMs: config.coalesceMs,
    onError: (e) => logger.error({ err: e }, 'realtime'),
    logger,
    metrics,
  });
  return {
    http,
    metrics: () => metrics.getMetricsAsJSON(),
    close: async () => {
      walls.stop();
      await realtime.close();
      await db.end();
    },
  };
}

function feedNice(value: string): number {
  const nice = Number(value);
  if (!Number.isInteger(nice) || nice < 0 || nice > 19)
    throw new Error(`FEED_NICE must be a whole number from 0 to 19, not "${value}"`);
  return nice;
}

async function runFromCommandLine(logger: Logger): Promise<void> {
  const env = process.env;
  const databaseUrl = env.DATABASE_URL || undefined;
  // The demo stream is on by default on the embedded database, off on a real one unless asked for.
  const demo = env.DEMO ? env.DEMO !== '0' : !databaseUrl;
  const product = await startProduct({
    port: Number(env.PORT ?? 8080),
    host: env.HOST,
    databaseUrl,
    demo,
    demoRate: env.DEMO_RATE ? Number(env.DEMO_RATE) : undefined,
    sessionSecret: env.SESSION_SECRET || undefined,
    mapStyleUrl: env.MAP_STYLE_URL || undefined,
    mapPmtiles: env.MAP_PMTILES || undefined,
    mapGlyphs: env.MAP_GLYPHS || undefined,
    mediaDir: env.MEDIA_DIR || undefined,
    trustProxy: env.TRUST_PROXY === '1',
    onDatabaseLost: () => process.exit(1),
    databaseReadUrl: env.DATABASE_READ_URL || undefined,
    publicReadsPer10s: env.PUBLIC_READS_PER_10S ? Number(env.PUBLIC_READS_PER_10S) : undefined,
    feed: { nice: env.FEED_NICE ? feedNice(env.FEED_NICE) : undefined },
    logger,
  });
  // For the person at the terminal, on stderr: stdout carries only JSON log lines.
  process.stderr.write(`
Hiện Trường đang chạy / is running
  Bản đồ công khai / Public map:      ${product.publicUrl}
  Điều hành / Operator view:          ${product.operatorUrl}
  API:                                ${product.url}/api/v1/categories
  Bàn điều phối / Dispatch console:   ${product.dispatchUrl}
${
  product.demoAccounts.length
    ? `  Tài khoản thử / Demo accounts (mật khẩu / password: ${DEMO_PASSWORD}):
${product.demoAccounts.map((a) => `    ${a.username.padEnd(12)} ${a.role}`).join('\n')}
  Điện thoại đội / Unit phone token:  Authorization: Bearer unit_demo_<unit id>, e.g. unit_demo_xd-01
`
    : ''
}  Dữ liệu mô phỏng / Demo stream:     ${demo ? 'bật / on (DEMO=0 to turn off)' : 'tắt / off'}
Ctrl-C để dừng / to stop.\n`);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping');
    await product.stop().catch((e) => logger.error({ err: e }, 'stop failed'));
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

const runAsEntry = Boolean(process.argv[1]) && fileURLToPath(import.meta.url) === process.argv[1];
if (runAsEntry && process.argv[2] === FEED_PROCESS_ARG) {
  runFeedChild(startFeedChild, createLogger);
} else if (runAsEntry) {
  const logger = createLogger();
  runFromCommandLine(logger).catch((e) => {
    logger.fatal({ err: e }, 'could not start');
    process.exit(1);
  });
}
