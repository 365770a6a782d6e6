// Read-only catalog and aggregate endpoints the maps load on start.
import Router from '@koa/router';
import { bigintToCell } from '../../../geo/h3.ts';
import { countByCell, reportStats } from '../../../sql/queries/reports.ts';
import type { IngestState } from '../../context.ts';
import type { CellsDTO, StatsDTO } from '../../presenters/dto.ts';
import { cellsQuerySchema } from '../../schemas/report-input.ts';
import { parseOr422 } from '../../schemas/validate.ts';

export const catalogRouter = new Router<IngestState>({ prefix: '/api/v1' });

catalogRouter.get('/categories', (ctx) => {
  ctx.body = { categories: ctx.state.deps.catalog.categories };
});

catalogRouter.get('/areas.geojson', (ctx) => {
  const level = ctx.query.level === 'province' ? 'province' : 'commune';
  ctx.type = 'application/geo+json';
  ctx.set('Cache-Control', 'public, max-age=3600');
  ctx.body = ctx.state.deps.areasGeojson[level];
});

catalogRouter.get('/session', (ctx) => {
  ctx.body = { audience: ctx.state.actor.kind };
});

catalogRouter.get('/config', (ctx) => {
  ctx.body = { mapStyleUrl: ctx.state.deps.mapStyleUrl ?? null };
});

catalogRouter.get('/cells', async (ctx) => {
  const q = parseOr422(cellsQuerySchema, ctx.query);
  const { deps, actor } = ctx.state;
  // Sensitive categories are never counted per fine cell for the public.
  const excludeCategories = actor.kind === 'staff' ? [] : [...deps.catalog.sensitive];
  const rows = await countByCell(deps.db, { ...q, excludeCategories });
  ctx.body = { res: q.res, cells: rows.map((r) => ({ cell: bigintToCell(r.cell), count: r.count })) } satisfies CellsDTO;
});

catalogRouter.get('/stats', async (ctx) => {
  ctx.body = (await reportStats(ctx.state.deps.db)) satisfies StatsDTO;
});
