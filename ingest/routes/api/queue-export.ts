// GET /api/v1/queue/export.csv and .geojson: the queue as currently filtered, for the caller's remit.
import Router from '@koa/router';
import { listAgencies } from '../../../sql/queries/catalog.ts';
import { readQueueAll } from '../../../sql/queries/queue-page.ts';
import type { IngestState } from '../../context.ts';
import { queueCsv, queueGeoJson, type ExportNames } from '../../presenters/queue-export.ts';
import { queueFilterSchema } from '../../schemas/dispatch-input.ts';
import { parseOr422 } from '../../schemas/validate.ts';
import { queueFilterFor } from './queue.ts';

export const queueExportRouter = new Router<IngestState>({ prefix: '/api/v1/queue' });

/** A province's open queue is thousands; a cap keeps one export from holding the server. */
export const EXPORT_MAX = 50_000;

async function exportRows(ctx: { state: IngestState; query: unknown }) {
  const { actor, deps } = ctx.state;
  const filter = queueFilterFor(actor, parseOr422(queueFilterSchema, ctx.query));
  const [rows, agencies] = await Promise.all([readQueueAll(deps.db, filter, EXPORT_MAX), listAgencies(deps.db)]);
  const agencyNames = new Map(agencies.map((a) => [a.id, a.name_vi]));
  const categories = new Map(deps.catalog.categories.map((c) => [c.code, c.nameVi]));
  const names: ExportNames = {
    category: (code) => categories.get(code) ?? code,
    agency: (id) => (id ? (agencyNames.get(id) ?? id) : ''),
  };
  return { rows, names };
}

const stamp = () => new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');

queueExportRouter.get('/export.csv', async (ctx) => {
  const { rows, names } = await exportRows(ctx);
  ctx.type = 'text/csv; charset=utf-8';
  ctx.set('Content-Disposition', `attachment; filename="hang-cho-${stamp()}.csv"`);
  ctx.set('Cache-Control', 'no-store');
  ctx.body = queueCsv(rows, names);
});

queueExportRouter.get('/export.geojson', async (ctx) => {
  const { rows, names } = await exportRows(ctx);
  ctx.type = 'application/geo+json';
  ctx.set('Content-Disposition', `attachment; filename="hang-cho-${stamp()}.geojson"`);
  ctx.set('Cache-Control', 'no-store');
  ctx.body = JSON.stringify(queueGeoJson(rows, names));
});
