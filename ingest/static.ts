// Serves the built dashboard; page paths get index.html so the views own their URLs. API, Open311 and
// socket paths never do, nor a missing file (a path with an extension): a script tag must not get HTML.
import type { Context, Next } from 'koa';
import serve from 'koa-static';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const NOT_PAGES = /^\/(api|open311|socket\.io)(\/|$)/;
/** Browsers, bookmarks and crawlers still ask for /favicon.ico whatever the page links: they get the PWA's icon. */
export const FAVICON = 'icons/icon-192.png';

/** A page with its own HTML (dashboard/pwa/page-html.ts: its chunks preloaded, maybe a static first screen). */
function pageFile(distDir: string, path: string): string | null {
  const page = /^\/([a-z]+)(\/|$)/.exec(path)?.[1];
  const file = page && page !== 'index' ? join(distDir, `${page}.html`) : null;
  return file && existsSync(file) ? file : null;
}

export function dashboardMiddleware(distDir: string) {
  const files = serve(distDir, { index: false, maxage: 3_600_000 });
  const indexFile = join(distDir, 'index.html');
  return async (ctx: Context, next: Next) => {
    if (NOT_PAGES.test(ctx.path)) {
      await next();
      return;
    }
    if (ctx.path === '/favicon.ico') ctx.path = `/${FAVICON}`;
    await files(ctx, async () => {});
    // HEAD too: `curl -I` on a page must not make the dashboard look missing.
    if (ctx.body != null || ctx.status !== 404 || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return;
    if (/\.[A-Za-z0-9]{1,8}$/.test(ctx.path)) return;
    if (!existsSync(indexFile)) {
      ctx.status = 503;
      ctx.body = 'Dashboard not built: run `npm run build` (npm start does it).';
      return;
    }
    ctx.type = 'html';
    ctx.set('Cache-Control', 'no-cache');
    ctx.body = readFileSync(pageFile(distDir, ctx.path) ?? indexFile);
  };
}
