// /api/v1/stats: the counters every screen shows, one query a second however many screens ask.
import Router from '@koa/router';
import { reportStats } from '../../../sql/queries/report-counts.ts';
import type { IngestState } from '../../context.ts';

export const statsRouter = new Router<IngestState>({ prefix: '/api/v1' });

statsRouter.get('/stats', async (ctx) => {
  const { db, screenAnswers } = ctx.state.deps;
  ctx.body = await screenAnswers.stats.get('stats', () => reportStats(db));
});
