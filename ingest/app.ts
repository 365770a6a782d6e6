// The Koa application: every HTTP route of the product, with no knowledge of sockets.
import Koa from 'koa';
import { bodyParser } from '@koa/bodyparser';
import { actorFor, bearerToken } from './auth.ts';
import type { IngestDeps, IngestState } from './context.ts';
import { HttpError, errorMiddleware } from './http-error.ts';
import { catalogRouter } from './routes/api/catalog.ts';
import { reportsRouter } from './routes/api/reports.ts';

export function createApp(deps: IngestDeps): Koa<IngestState> {
  const app = new Koa<IngestState>({ proxy: false });
  app.silent = process.env.NODE_ENV === 'test';
  app.use(errorMiddleware);
  app.use(async (ctx, next) => {
    if (ctx.method === 'POST' && ctx.path.startsWith('/api/') && !ctx.is('application/json')) {
      throw new HttpError(415, 'unsupported_media_type', 'Send the body as application/json', 'Dữ liệu phải ở dạng application/json');
    }
    await next();
  });
  app.use(bodyParser({ enableTypes: ['json'], jsonLimit: '256kb', encoding: 'utf-8' }));
  app.use(async (ctx, next) => {
    ctx.state.deps = deps;
    ctx.state.actor = actorFor(bearerToken(ctx), deps.operatorToken);
    await next();
  });
  for (const router of [reportsRouter, catalogRouter]) app.use(router.routes()).use(router.allowedMethods());
  app.use(async (ctx, next) => {
    if (ctx.path.startsWith('/api/')) throw new HttpError(404, 'not_found', `No route ${ctx.method} ${ctx.path}`, 'Không tìm thấy');
    await next();
  });
  return app;
}
