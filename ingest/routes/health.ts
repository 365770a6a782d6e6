// /healthz: the process answers (liveness). /readyz: it can reach its database now (readiness): a load balancer
// sends traffic only while it is 200. A draining server answers 503 to both (realtime/feed-port.ts).
import Router from '@koa/router';
import type { IngestState } from '../context.ts';
import { errorBody, errors } from '../../domain/errors.ts';

export const healthRouter = new Router<IngestState>();

const READY_TIMEOUT_MS = 1000;

healthRouter.get('/healthz', (ctx) => {
  ctx.set('Cache-Control', 'no-store');
  ctx.body = { status: 'ok' };
});

healthRouter.get('/readyz', async (ctx) => {
  ctx.set('Cache-Control', 'no-store');
  const probe = ctx.state.deps.db.query('SELECT 1').then(
    () => true,
    () => false,
  );
  const timeout = new Promise<false>((done) => setTimeout(() => done(false), READY_TIMEOUT_MS).unref());
  if (await Promise.race([probe, timeout])) {
    ctx.body = { status: 'ready' };
    return;
  }
  ctx.status = 503;
  ctx.set('Retry-After', '1');
  ctx.body = errorBody(errors.notReady());
});
