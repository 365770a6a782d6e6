// The catalog the maps load on start: categories and area boundaries, both fixed while the server runs.
import Router from '@koa/router';
import type { IngestState } from '../../context.ts';

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
