// GET /api/v1/transparency?window=30d|365d&by=commune|agency : how each commune or agency answers its
// citizens, for the public map. Sensitive categories are never counted per area or agency here.
import Router from '@koa/router';
import { z } from 'zod';
import type { IngestState } from '../../context.ts';
import { parseOr422 } from '../../schemas/validate.ts';
import { transparencyStats } from '../../../sql/queries/transparency.ts';

export const transparencyRouter = new Router<IngestState>({ prefix: '/api/v1' });

export const transparencyQuerySchema = z.object({
  window: z.enum(['30d', '365d']).default('30d'),
  by: z.enum(['commune', 'agency']).default('commune'),
});

transparencyRouter.get('/transparency', async (ctx) => {
  const q = parseOr422(transparencyQuerySchema, ctx.query);
  const { db, catalog, screenAnswers } = ctx.state.deps;
  const answers = screenAnswers.transparency;
  ctx.set('Cache-Control', 'public, max-age=60');
  ctx.body = await answers.get(`${q.window}:${q.by}`, async () => {
    const rows = await transparencyStats(db, {
      by: q.by,
      days: q.window === '30d' ? 30 : 365,
      excludeCategories: [...catalog.sensitive],
    });
    return {
      window: q.window,
      by: q.by,
      excludesSensitive: true,
      rows: rows.map((r) => ({
        ...r,
        onTimeRate: r.due ? Math.round((r.resolvedOnTime / r.due) * 1000) / 1000 : null,
      })),
    };
  });
});
