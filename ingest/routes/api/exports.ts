// GET /api/v1/reports.csv and /api/v1/reports.geojson: every matching report, streamed page by page.
import Router from '@koa/router';
import { Readable } from 'node:stream';
import { z } from 'zod';
import type { IngestState } from '../../context.ts';
import { csvChunks, exportedReports, geojsonChunks } from '../../exports/report-export.ts';
import { isStaff } from '../../policies/permissions.ts';
import { presentFor } from './reports.ts';
import { isoDateTime } from '../../schemas/dates.ts';
import { channelFilter } from '../../schemas/report-input.ts';
import { parseOr422 } from '../../schemas/validate.ts';

export const exportQuerySchema = z.object({
  category: z.string().max(64).optional(),
  status: z.string().max(32).optional(),
  channel: channelFilter.optional(),
  since: isoDateTime().optional(),
  until: isoDateTime().optional(),
});

export const exportsRouter = new Router<IngestState>({ prefix: '/api/v1' });

exportsRouter.get('/reports.:format', async (ctx, next) => {
  const { format } = ctx.params;
  if (format !== 'csv' && format !== 'geojson') {
    await next();
    return;
  }
  const filter = parseOr422(exportQuerySchema, ctx.query);
  const { deps, actor } = ctx.state;
  // The same rule as the report list: staff fields within the caller's remit, else the public row if it may exist.
  const pages = exportedReports(deps.db, filter, (r) => presentFor(actor, r, deps.catalog.sensitive));
  const chunks = format === 'csv' ? csvChunks(pages, isStaff(actor)) : geojsonChunks(pages);
  ctx.type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/geo+json; charset=utf-8';
  ctx.set('Content-Disposition', `attachment; filename="reports.${format}"`);
  ctx.set('Cache-Control', 'no-store');
  ctx.body = Readable.from(chunks);
});
