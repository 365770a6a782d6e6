// The naive peer: a Koa route doing one transaction per request, a per-row trigger that pg_notify's
// the JSON row, and a listener that io.emit's every event to every socket.
import { createServer, type Server as HttpServer } from 'node:http';
import Koa from 'koa';
import { bodyParser } from '@koa/bodyparser';
import pg from 'pg';
import { Server } from 'socket.io';
import type { ReportEventPayload } from '../../domain/events.ts';
import { buildAreaIndex } from '../../geo/area-index.ts';
import { createReports } from '../../ingest/commands/create-reports.ts';
import { loadCatalog } from '../../ingest/catalog.ts';
import { reportInputSchema } from '../../ingest/schemas/report-input.ts';
import type { Db } from '../../sql/db.ts';
import { currentAreas } from '../../sql/queries/areas.ts';
import { startRollupApplier } from '../../sql/rollup-applier.ts';

export const NAIVE_TRIGGER_SQL = `
CREATE OR REPLACE FUNCTION naive_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('naive_events', row_to_json(NEW)::text);
  RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS naive_notify ON events;
CREATE TRIGGER naive_notify AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION naive_notify();
ALTER TABLE events DISABLE TRIGGER events_doorbell;`;

export async function startPeer(
  db: Db,
  url: string,
  streaming: boolean,
): Promise<{ http: HttpServer; stop(): Promise<void> }> {
  const catalog = await loadCatalog(db);
  const geocoder = buildAreaIndex(await currentAreas(db, 'commune'));
  const app = new Koa();
  app.use(bodyParser({ enableTypes: ['json'] }));
  app.use(async (ctx) => {
    if (ctx.method !== 'POST' || ctx.path !== '/api/v1/reports') {
      ctx.status = 404;
      return;
    }
    const parsed = reportInputSchema.safeParse(ctx.request.body);
    if (!parsed.success || !catalog.has(parsed.data.category)) {
      ctx.status = 422;
      ctx.body = { error: 'invalid' };
      return;
    }
    try {
      const [row] = await createReports(db, [parsed.data], { geocoder, sensitiveCategories: catalog.sensitive });
      ctx.status = 201;
      ctx.body = { id: row.id, code: row.tracking_code };
    } catch {
      ctx.status = 503;
    }
  });
  // The same rollup work as ours: the schema queues every report for it, whoever writes.
  const rollups = startRollupApplier(db);
  const http = createServer(app.callback());
  const io = new Server(http, { serveClient: false });
  let listener: pg.Client | null = null;
  if (streaming) {
    await db.query(NAIVE_TRIGGER_SQL);
    listener = new pg.Client({ connectionString: url });
    listener.on('error', () => {});
    await listener.connect();
    await listener.query('LISTEN naive_events');
    listener.on('notification', (msg) => {
      // The naive trigger's row: the event as stored, payload and all.
      const row = JSON.parse(msg.payload ?? '{}') as {
        id: string;
        kind: string;
        payload?: Partial<ReportEventPayload>;
      };
      const p = row.payload ?? {};
      io.emit('notice', {
        eventId: String(row.id),
        kind: row.kind,
        reportId: p.reportId,
        code: p.code,
        category: p.category,
        status: p.status,
        version: p.version,
        cell: p.cell,
        areaCode: p.areaCode,
        at: p.at,
      });
    });
  } else {
    await db.query('ALTER TABLE events DISABLE TRIGGER events_doorbell');
  }
  return {
    http,
    stop: async () => {
      await listener?.end().catch(() => {});
      await rollups.stop();
      await new Promise<void>((done) => io.close(() => done()));
    },
  };
}
