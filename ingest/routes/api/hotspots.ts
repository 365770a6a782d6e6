// GET /api/v1/hotspots: Gi* hot and cold spots of the last 24 h or 7 d at res 7–9 (ingest/hotspots/), staff only.
import Router from '@koa/router';
import { z } from 'zod';
import type { IngestState } from '../../context.ts';
import { computeHotspots } from '../../hotspots/hotspot-analysis.ts';
import { canViewHotspots } from '../../policies/permissions.ts';
import { fieldIssue, reasons } from '../../../domain/errors.ts';
import { parseOr422, invalidFields } from '../../schemas/validate.ts';
import { authorize, requireStaff } from './guard.ts';

export const hotspotsRouter = new Router<IngestState>({ prefix: '/api/v1' });

export const hotspotsQuerySchema = z
  .object({
    window: z.enum(['24h', '7d']).default('24h'),
    res: z.coerce.number().int().min(7).max(9).default(8),
    category: z.string().min(1).max(40).optional(),
  })
  .strict();

hotspotsRouter.get('/hotspots', async (ctx) => {
  const { deps, actor } = ctx.state;
  authorize(canViewHotspots(requireStaff(actor)), 'hot spots');
  const q = parseOr422(hotspotsQuerySchema, ctx.query);
  if (q.category !== undefined && !deps.catalog.has(q.category))
    throw invalidFields([fieldIssue('category', reasons.notACategoryCode)]);
  const grids = await deps.hotspots.grids();
  const key = `${q.window}|${q.res}|${q.category ?? ''}`;
  ctx.body = await deps.hotspots.answers.get(key, () =>
    computeHotspots(deps.db, grids, deps.geocoder, { ...q, category: q.category ?? null, now: new Date() }),
  );
});
