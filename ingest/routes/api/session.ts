// What a screen asks before anything else: which audience it is, and which map style this deployment uses.
import Router from '@koa/router';
import type { IngestState } from '../../context.ts';

export const sessionRouter = new Router<IngestState>({ prefix: '/api/v1' });

sessionRouter.get('/session', (ctx) => {
  ctx.body = { audience: ctx.state.actor.kind };
});

sessionRouter.get('/config', (ctx) => {
  ctx.body = { mapStyleUrl: ctx.state.deps.mapStyleUrl ?? null };
});
