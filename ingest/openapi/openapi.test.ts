// The OpenAPI document describes every /api/v1 route the app serves (and nothing else), and passes validation.
import { beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import SwaggerParser from '@apidevtools/swagger-parser';
import type Router from '@koa/router';
import { createApp } from '../app.ts';
import type { IngestDeps } from '../context.ts';
import { documentedPath, OPERATIONS, openApiDocument } from './document.ts';
import { useTestDatabase } from '../../sql/test-support/db.ts';

// The routes are what is read; the app only needs a database because some middleware keeps state there.
const test = useTestDatabase();
let app: ReturnType<typeof createApp>;
beforeAll(() => {
  app = createApp({
    db: test.pool,
    operatorToken: 'x',
    areasGeojson: { commune: '{}', province: '{}' },
  } as unknown as IngestDeps);
});

/** Every (method, route) the Koa routers of the app register, read from the routers themselves. */
function servedRoutes(): string[] {
  const routes = new Set<string>();
  for (const middleware of app.middleware as { router?: Router }[]) {
    for (const layer of middleware.router?.stack ?? []) {
      if (typeof layer.path !== 'string' || !layer.path.startsWith('/api/')) continue;
      for (const method of layer.methods) if (method !== 'HEAD') routes.add(`${method} ${layer.path}`);
    }
  }
  return [...routes].sort();
}

const documented = () => OPERATIONS.map((o) => `${o.method.toUpperCase()} ${o.route}`).sort();

describe('OpenAPI document', () => {
  it('describes every /api/ route the app serves', () => {
    const missing = servedRoutes().filter((r) => !documented().includes(r));
    expect(
      missing,
      `These routes are not in the OpenAPI document. Add one op({ method, route, tag, summary, access, query?, body? }) ` +
        `per route to ingest/openapi/operations-public.ts (anyone), operations-staff.ts (staff) or operations-admin.ts (/admin, /track), passing the zod ` +
        `schemas the route validates with (export them from the route or schemas/ file):\n  ${missing.join('\n  ')}`,
    ).toEqual([]);
  });

  it('documents each route once', () => {
    const all = documented();
    expect(all.filter((d, i) => all.indexOf(d) !== i)).toEqual([]);
  });

  it('documents no route that does not exist', () => {
    const served = servedRoutes();
    expect(documented().filter((d) => !served.includes(d))).toEqual([]);
  });

  it('passes @apidevtools/swagger-parser validation as OpenAPI 3.1', async () => {
    const doc = structuredClone(openApiDocument());
    await expect(SwaggerParser.validate(doc as never)).resolves.toBeTruthy();
    expect((doc as { openapi: string }).openapi).toBe('3.1.0');
  });

  it('carries the zod schemas: request bodies and query parameters with their constraints', () => {
    const doc = openApiDocument() as any;
    const post = doc.paths['/api/v1/reports'].post;
    const body = post.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(expect.arrayContaining(['category', 'description', 'lat', 'lng']));
    expect(body.properties.lat).toMatchObject({ type: 'number', minimum: -90, maximum: 90 });
    expect(body.additionalProperties).toBe(false);
    const limit = doc.paths['/api/v1/reports'].get.parameters.find((p: any) => p.name === 'limit');
    expect(limit).toMatchObject({ in: 'query', required: false, schema: { maximum: 5000 } });
    const id = doc.paths['/api/v1/reports/{id}'].get.parameters[0];
    expect(id).toMatchObject({ name: 'id', in: 'path', required: true });
  });

  it('is served at /api/v1/openapi.json and as a page at /api/v1/docs', async () => {
    const handle = app.callback();
    const server = createServer((req, res) => void handle(req, res));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      expect(await (await fetch(`${url}/api/v1/openapi.json`)).json()).toEqual(
        JSON.parse(JSON.stringify(openApiDocument())),
      );
      const page = await fetch(`${url}/api/v1/docs`);
      expect(page.headers.get('content-type')).toMatch(/html/);
      const html = await page.text();
      for (const o of OPERATIONS) expect(html).toContain(documentedPath(o).replace(/&/g, '&amp;'));
    } finally {
      await new Promise<void>((done) => server.close(() => done()));
    }
  });
});
