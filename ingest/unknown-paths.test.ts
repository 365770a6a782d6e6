// Unknown API and Open311 paths answer 404 in their own error shape; only page paths fall back to the dashboard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { createApp } from './app.ts';
import { loadCatalog } from './catalog.ts';
import { AgencyRoutingTable } from './agency-routing-table.ts';
import { dashboardMiddleware } from './static.ts';
import { buildAreaIndex } from '../geo/area-index.ts';
import { currentAreas } from '../sql/queries/areas.ts';
import { useTestDatabase } from '../sql/test-support/db.ts';

describe('unknown paths', () => {
  const test = useTestDatabase();
  let server: Server;
  let url: string;
  beforeAll(async () => {
    const dist = mkdtempSync(join(tmpdir(), 'ht-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Hiện Trường</title>');
    const app = createApp({
      db: test.pool,
      geocoder: buildAreaIndex(await currentAreas(test.pool, 'commune')),
      catalog: await loadCatalog(test.pool),
      agencyRouting: await new AgencyRoutingTable(test.pool).reload(),
      operatorToken: 'kiosk',
      areasGeojson: { commune: '{}', province: '{}' },
    });
    app.use(dashboardMiddleware(dist));
    const handle = app.callback();
    server = createServer((req, res) => void handle(req, res));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it.each([
    ['GET', '/api/v1/nothing'],
    ['GET', '/api/'],
    ['DELETE', '/api/v2/reports'],
  ])('%s %s is a JSON 404 in the error shape', async (method, path) => {
    const res = await fetch(url + path, { method });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/json/);
    const body = (await res.json()) as { error: { code: string; message: string; messageVi: string } };
    expect(body.error.code).toBe('not_found');
    expect(body.error.message).toContain(path);
    expect(body.error.messageVi).toBeTruthy();
  });

  it.each(['/open311/v2/nothing.json', '/open311/v2/', '/open311', '/open311/v3/services.json'])(
    'GET %s is an Open311 JSON errors list with 404',
    async (path) => {
      const res = await fetch(url + path);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/json/);
      const body = (await res.json()) as { code: number; description: string }[];
      expect(body).toHaveLength(1);
      expect(body[0].code).toBe(404);
      expect(body[0].description).toContain('No route');
    },
  );

  it('an unknown .xml path under /open311/ answers the XML errors element', async () => {
    const res = await fetch(`${url}/open311/v2/nothing.xml`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/xml/);
    const doc = new XMLParser({ isArray: (name) => name === 'error' }).parse(await res.text()) as {
      errors: { error: { code: number; description: string }[] };
    };
    expect(doc.errors.error).toHaveLength(1);
    expect(doc.errors.error[0].code).toBe(404);
    expect(doc.errors.error[0].description).toContain('/open311/v2/nothing.xml');
  });

  it.each(['/map', '/dispatch/queue', '/'])('the page path %s still gets the dashboard', async (path) => {
    const res = await fetch(url + path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/html/);
  });

  it('a missing file is a 404, not the dashboard page', async () => {
    const res = await fetch(`${url}/assets/missing-chunk.js`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('<title>');
  });
});
