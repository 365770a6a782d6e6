// Page paths fall back to the dashboard's index.html for GET and HEAD; API paths never do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Koa from 'koa';
import { dashboardMiddleware, FAVICON } from './static.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('dashboard static files', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    const dist = mkdtempSync(join(tmpdir(), 'ht-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Hiện Trường</title>');
    writeFileSync(join(dist, 'app.js'), 'console.log(1)');
    writeFileSync(join(dist, 'report.html'), '<!doctype html><title>report page</title>');
    writeFileSync(join(dist, 'track.html'), '<!doctype html><title>track page</title>');
    mkdirSync(join(dist, 'icons'));
    writeFileSync(join(dist, 'icons/icon-192.png'), PNG_SIGNATURE);
    const app = new Koa();
    app.use(dashboardMiddleware(dist));
    server = createServer(app.callback());
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it.each([
    ['GET', '/map'],
    ['HEAD', '/map'],
    ['GET', '/dispatch'],
    ['HEAD', '/'],
  ])('%s %s serves index.html', async (method, path) => {
    const res = await fetch(url + path, { method });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/html/);
  });

  it.each([
    ['/report', 'report page'],
    ['/report/', 'report page'],
    ['/track/TH-7KQ4-9XPM', 'track page'],
    ['/map', 'Hiện Trường'],
    ['/reports', 'Hiện Trường'],
  ])('%s gets its own page HTML where the build wrote one', async (path, title) => {
    expect(await (await fetch(url + path)).text()).toContain(`<title>${title}</title>`);
  });

  it('serves built files as themselves and leaves API paths alone', async () => {
    expect(await (await fetch(`${url}/app.js`)).text()).toBe('console.log(1)');
    expect((await fetch(`${url}/api/v1/nothing`)).status).toBe(404);
  });

  it("answers /favicon.ico with the PWA's icon, an image the build ships", async () => {
    const res = await fetch(`${url}/favicon.ico`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\//);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG_SIGNATURE);
    // Vite copies dashboard/public/ into dist/ as it is.
    expect(existsSync(new URL(`../dashboard/public/${FAVICON}`, import.meta.url))).toBe(true);
  });
});
