// /api/v1/stats: the counters every screen shows, one query a second however many screens ask.
import Router from '@koa/router';
import { reportStats } from '../../../sql/queries/report-counts.ts';
import type { IngestState } from '../../context.ts';
import { readDbFor } from '../../public-reads.ts';

export const statsRouter = new Router<IngestState>({ prefix: '/api/v1' });

statsRouter.get('/stats', async (ctx) => {
  const db = readDbFor(ctx.state);
  ctx.body = await ctx.state.deps.screenAnswers.stats.get('stats', () => reportStats(db));
});
