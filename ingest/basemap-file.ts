// The province's street basemap as one PMTiles file (MAP_PMTILES), served with HTTP ranges so MapLibre's
// `pmtiles://` protocol reads only the directory and the tiles in view. Nothing leaves the building.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Context, Next } from 'koa';

export const BASEMAP_PATH = '/tiles/basemap.pmtiles';

/** `bytes=a-b`, `bytes=a-` or `bytes=-n` within `size`; null when unsatisfiable; undefined when absent. */
export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | null | undefined {
  if (!header) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  return start <= end && start < size ? { start, end } : null;
}

export function basemapMiddleware(file: string | undefined) {
  return async (ctx: Context, next: Next): Promise<void> => {
    if (ctx.path !== BASEMAP_PATH || !file || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) {
      await next();
      return;
    }
    const size = statSync(file).size;
    const range = parseRange(ctx.get('range') || undefined, size);
    ctx.set('Accept-Ranges', 'bytes');
    ctx.set('Cache-Control', 'public, max-age=3600');
    ctx.type = 'application/vnd.pmtiles';
    if (range === null) {
      ctx.status = 416;
      ctx.set('Content-Range', `bytes */${size}`);
      return;
    }
    const { start, end } = range ?? { start: 0, end: size - 1 };
    ctx.status = range ? 206 : 200;
    if (range) ctx.set('Content-Range', `bytes ${start}-${end}/${size}`);
    // A HEAD answer carries the length only: no file handle is opened for it.
    if (ctx.method === 'GET') ctx.body = createReadStream(file, { start, end });
    ctx.length = end - start + 1;
  };
}

export const GLYPHS_PATH = '/tiles/fonts/{fontstack}/{range}.pbf';

/** Glyph PBFs for road labels, from MAP_GLYPHS/<fontstack>/<range>.pbf (made with font-maker or build_pbf_glyphs). */
export function glyphsMiddleware(dir: string | undefined) {
  return async (ctx: Context, next: Next): Promise<void> => {
    const m = /^\/tiles\/fonts\/([^/]{1,100})\/(\d{1,5}-\d{1,5})\.pbf$/.exec(ctx.path);
    if (!m || !dir || ctx.method !== 'GET') {
      await next();
      return;
    }
    const fontstack = decodeURIComponent(m[1]);
    // Names only: no path separators or parent steps reach the file system.
    if (!/^[\p{L}\p{N} ,_-]+$/u.test(fontstack)) {
      await next();
      return;
    }
    const file = join(dir, fontstack, `${m[2]}.pbf`);
    if (!existsSync(file)) {
      await next();
      return;
    }
    ctx.type = 'application/x-protobuf';
    ctx.set('Cache-Control', 'public, max-age=86400');
    ctx.body = createReadStream(file);
  };
}
