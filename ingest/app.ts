// The Koa application: every HTTP route of the product, with no knowledge of sockets.
import Koa from 'koa';
import { basemapMiddleware, glyphsMiddleware } from './basemap-file.ts';
import { bodyParser } from '@koa/bodyparser';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiskMediaStore } from './media/media-store.ts';
import { resolveCaller } from './auth/resolve-caller.ts';
import { LoginLimiter } from './auth/login-limiter.ts';
import { csrfMiddleware } from './csrf.ts';
import { securityHeaders } from './security-headers.ts';
import { metricsMiddleware } from './metrics.ts';
import { pino } from 'pino';
import { requestLog } from './request-log.ts';
import { healthRouter } from './routes/health.ts';
import { publicReadLimiter } from './public-reads.ts';
import { cleanTextMiddleware } from './input/text-middleware.ts';
import type { IngestDeps, IngestState } from './context.ts';
import { errorMiddleware } from './http-error.ts';
import { poolForRequest } from '../sql/request-scope.ts';
import { errors } from '../domain/errors.ts';
import { isOpen311Path, open311Errors } from './routes/open311/format.ts';
import { alertsRouter } from './routes/api/alerts.ts';
import { pushRouter } from './routes/api/push.ts';
import { catalogRouter } from './routes/api/catalog.ts';
import { cellsRouter } from './routes/api/cells.ts';
import { sessionRouter } from './routes/api/session.ts';
import { statsRouter } from './routes/api/stats.ts';
import { hotspotsRouter } from './routes/api/hotspots.ts';
import { wallStatsRouter } from './routes/api/wall-stats.ts';
import { wallTokensRouter } from './routes/api/wall-tokens.ts';
import { eventsRouter } from './routes/api/events.ts';
import { newScreenAnswers } from './shared-answers.ts';
import { ReportBatcher } from './report-batcher.ts';
import { lazyPlaceSearch } from './places.ts';
import { geocodeRouter } from './routes/api/geocode.ts';
import { transparencyRouter } from './routes/api/transparency.ts';
import { agencyRoutingRulesRouter } from './routes/api/agency-routing-rules.ts';
import { reportsRouter } from './routes/api/reports.ts';
import { authRouter } from './routes/api/auth.ts';
import { invitesRouter } from './routes/api/invites.ts';
import { duplicatesRouter } from './routes/api/duplicates.ts';
import { queueRouter } from './routes/api/queue.ts';
import { queueActionsRouter } from './routes/api/queue-actions.ts';
import { agenciesRouter } from './routes/api/agencies.ts';
import { adminRouter } from './routes/api/admin.ts';
import { queueExportRouter } from './routes/api/queue-export.ts';
import { reportContextRouter } from './routes/api/report-context.ts';
import { addressRouter } from './routes/api/address.ts';
import { staffRouter } from './routes/api/staff.ts';
import { transitionsRouter } from './routes/api/transitions.ts';
import { unitsRouter } from './routes/api/units.ts';
import { unitTokensRouter } from './routes/api/unit-tokens.ts';
import { open311ClientsRouter } from './routes/api/open311-clients.ts';
import { openApiRouter } from './routes/api/openapi.ts';
import { exportsRouter } from './routes/api/exports.ts';
import { webhooksRouter } from './routes/api/webhooks.ts';
import { importsRouter } from './routes/api/imports.ts';
import { open311ServicesRouter } from './routes/open311/services.ts';
import { open311RequestsRouter } from './routes/open311/requests.ts';
import { open311UpdatesRouter } from './routes/open311/updates.ts';
import { trackRouter } from './routes/api/track.ts';
import { photosRouter } from './routes/api/photos.ts';
import { hotspotReads } from './hotspots/hotspot-reads.ts';

/** Per-app state main.ts passes in; tests and benches may leave it to createApp. */
type BuiltWhenAbsent =
  'screenAnswers' | 'reportBatcher' | 'placeSearch' | 'media' | 'submissionsInFlight' | 'hotspots' | 'viewportCovers';

export function createApp(
  given: Omit<IngestDeps, BuiltWhenAbsent> & Partial<Pick<IngestDeps, BuiltWhenAbsent>>,
): Koa<IngestState> {
  const deps: IngestDeps = {
    ...given,
    sessionSecret: given.sessionSecret ?? randomBytes(32).toString('base64url'),
    loginLimiter: given.loginLimiter ?? new LoginLimiter(given.db),
    screenAnswers: given.screenAnswers ?? newScreenAnswers(),
    reportBatcher: given.reportBatcher ?? new ReportBatcher(given.db),
    placeSearch: given.placeSearch ?? lazyPlaceSearch(given.db),
    submissionsInFlight: given.submissionsInFlight ?? new Map<string, Promise<void>>(),
    hotspots: given.hotspots ?? hotspotReads(given.db),
    viewportCovers: given.viewportCovers ?? new Map<string, { cells: string[]; cells10?: string[] }>(),
    // An app built without a store (tests, tools) keeps photos under the temp dir.
    media: given.media ?? new DiskMediaStore(join(tmpdir(), 'hientruong-media')),
    acceptDemoSecrets: given.acceptDemoSecrets ?? process.env.NODE_ENV !== 'production',
  };
  const app = new Koa<IngestState>({ proxy: given.trustProxy === true });
  app.silent = process.env.NODE_ENV === 'test';
  app.use(requestLog(given.logger ?? pino({ enabled: false })));
  app.use(securityHeaders({ mapStyleUrl: given.mapStyleUrl }));
  app.use(metricsMiddleware(deps));
  app.use(basemapMiddleware(given.mapPmtiles));
  app.use(glyphsMiddleware(given.mapGlyphs));
  app.use(errorMiddleware);
  app.use(open311Errors);
  app.use(async (ctx, next) => {
    // A citizen's report may also come as multipart/form-data, with its photos (ingest/citizen/multipart.ts).
    const photoSubmission = ctx.path === '/api/v1/reports' && ctx.is('multipart/form-data');
    // A hotline import is the file itself (routes/api/imports.ts checks its type).
    const fileImport = ctx.path === '/api/v1/imports';
    if (
      ctx.method === 'POST' &&
      ctx.path.startsWith('/api/') &&
      !ctx.is('application/json') &&
      !photoSubmission &&
      !fileImport
    ) {
      throw errors.notJson();
    }
    await next();
  });
  // Open311 clients post forms (the spec); /api/ accepts JSON only (checked above).
  app.use(bodyParser({ enableTypes: ['json', 'form'], jsonLimit: '256kb', formLimit: '256kb', encoding: 'utf-8' }));
  app.use(cleanTextMiddleware);
  app.use(async (ctx, next) => {
    // The request's own view of the pool: the events its transactions append carry its id.
    ctx.state.deps = ctx.state.requestId ? { ...deps, db: poolForRequest(deps.db, ctx.state.requestId) } : deps;
    // Only API calls need to know who is calling (the dashboard's static files do not touch the database).
    const caller = ctx.path.startsWith('/api/') ? await resolveCaller(ctx, deps) : null;
    ctx.state.actor = caller?.actor ?? { kind: 'public' };
    ctx.state.csrfToken = caller?.csrfToken ?? null;
    ctx.state.sessionTokenHash = caller?.sessionTokenHash ?? null;
    await next();
  });
  app.use(csrfMiddleware);
  app.use(publicReadLimiter(deps));
  const routers = [
    healthRouter,
    reportsRouter,
    catalogRouter,
    sessionRouter,
    cellsRouter,
    statsRouter,
    hotspotsRouter,
    wallStatsRouter,
    wallTokensRouter,
    eventsRouter,
    geocodeRouter,
    transparencyRouter,
    agencyRoutingRulesRouter,
    authRouter,
    invitesRouter,
    transitionsRouter,
    queueRouter,
    queueExportRouter,
    reportContextRouter,
    addressRouter,
    queueActionsRouter,
    agenciesRouter,
    adminRouter,
    unitsRouter,
    unitTokensRouter,
    duplicatesRouter,
    staffRouter,
    alertsRouter,
    pushRouter,
    open311ClientsRouter,
    openApiRouter,
    exportsRouter,
    webhooksRouter,
    importsRouter,
    open311ServicesRouter,
    open311RequestsRouter,
    open311UpdatesRouter,
    trackRouter,
    photosRouter,
  ];
  for (const router of routers) app.use(router.routes()).use(router.allowedMethods());
  // Unknown API and Open311 paths answer 404 in their error shape; only page paths reach the dashboard.
  app.use(async (ctx, next) => {
    if (ctx.path.startsWith('/api/') || isOpen311Path(ctx.path)) throw errors.noRoute(`${ctx.method} ${ctx.path}`);
    await next();
  });
  return app;
}
