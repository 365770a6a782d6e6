// GET /api/v1/wall/stats: the wall's KPIs, per-agency overdue table and trends; province-wide staff and walls.
import Router from '@koa/router';
import { wallStats } from '../../../sql/queries/wall-stats.ts';
import type { IngestState } from '../../context.ts';
import { canViewWallStats } from '../../policies/permissions.ts';
import { presentWallStats } from '../../presenters/wall-stats-presenter.ts';
import { authorize, requireStaff } from './guard.ts';

export const wallStatsRouter = new Router<IngestState>({ prefix: '/api/v1' });

wallStatsRouter.get('/wall/stats', async (ctx) => {
  const { deps, actor } = ctx.state;
  authorize(canViewWallStats(requireStaff(actor)), 'wall figures');
  ctx.body = await deps.screenAnswers.wall.get('wall', async () => {
    const now = new Date();
    return presentWallStats(await wallStats(deps.db, now), now);
  });
});
