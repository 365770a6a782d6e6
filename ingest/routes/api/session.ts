// What a screen asks before anything else: which audience it is, and which map style this deployment uses.
import Router from '@koa/router';
import { BASEMAP_PATH, GLYPHS_PATH } from '../../basemap-file.ts';
import type { IngestState } from '../../context.ts';

export const sessionRouter = new Router<IngestState>({ prefix: '/api/v1' });

sessionRouter.get('/session', (ctx) => {
  ctx.body = { audience: ctx.state.actor.kind };
});

sessionRouter.get('/config', (ctx) => {
  const { mapStyleUrl, mapPmtiles, mapGlyphs } = ctx.state.deps;
  ctx.body = {
    mapStyleUrl: mapStyleUrl ?? null,
    // The street basemap and its label fonts, when the province supplied them (see README "Offline street map").
    basemapPmtiles: mapPmtiles ? BASEMAP_PATH : null,
    basemapGlyphs: mapGlyphs ? GLYPHS_PATH : null,
  };
});
