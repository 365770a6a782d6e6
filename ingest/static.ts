// Serves the built dashboard; any non-API path gets index.html so the views own their URLs.
import type { Context, Next } from 'koa';
import serve from 'koa-static';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function dashboardMiddleware(distDir: string) {
  const files = serve(distDir, { index: false, maxage: 3_600_000 });
  const indexFile = join(distDir, 'index.html');
  return async (ctx: Context, next: Next) => {
    if (ctx.path.startsWith('/api/') || ctx.path.startsWith('/socket.io')) return next();
    await files(ctx, async () => {});
    // HEAD too: `curl -I` on a page must not make the dashboard look missing.
    if (ctx.body != null || ctx.status !== 404 || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return;
    if (!existsSync(indexFile)) {
      ctx.status = 503;
      ctx.body = 'Dashboard not built: run `npm run build` (npm start does it).';
      return;
    }
    ctx.type = 'html';
    ctx.set('Cache-Control', 'no-cache');
    ctx.body = readFileSync(indexFile);
  };
}
