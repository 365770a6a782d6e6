// The HTTP app on a fresh test database with the dispatch seeds, and a cookie-carrying client per staff member.
import { createServer, type Server } from 'node:http';
import { buildAreaIndex } from '../../geo/area-index.ts';
import { cellAt, cellToBigint } from '../../geo/h3.ts';
import type { Db } from '../../sql/db.ts';
import { currentAreas } from '../../sql/queries/areas.ts';
import { DEMO_PASSWORD } from '../../sql/seed/dispatch-data.ts';
import { seedDemoDispatch, seedSlaConfig } from '../../sql/seed/seed-dispatch.ts';
import { freshTestDatabase } from '../../sql/test-support/db.ts';
import { AgencyRoutingTable } from '../agency-routing-table.ts';
import { createApp } from '../app.ts';
import type { PublicReadLimit } from '../public-reads.ts';
import type { MediaStore } from '../media/media-store.ts';
import { answerClientErrors } from '../client-errors.ts';
import { hashPassword } from '../auth/password.ts';
import { hashToken } from '../auth/tokens.ts';
import { loadCatalog } from '../catalog.ts';

export const OPERATOR_TOKEN = 'kiosk-token-for-tests';

export interface Caller {
  get(path: string): Promise<{ status: number; body: any }>;
  post(path: string, body: unknown): Promise<{ status: number; body: any }>;
  del(path: string): Promise<{ status: number; body: any }>;
}

export interface DispatchApp {
  url: string;
  db: Db;
  /** The app's routing table, to check what a rule change does to the next report. */
  agencyRouting: AgencyRoutingTable;
  anonymous: Caller;
  kiosk: Caller;
  unitPhone(unitId: string): Caller;
  login(username: string, password?: string): Promise<Caller & { csrf: string; cookie: string }>;
  createReport(body?: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

export const sampleReport = {
  category: 'road',
  description: 'Ổ gà lớn giữa đường Lê Lợi',
  lat: 19.8075,
  lng: 105.7766,
};

function caller(url: string, headers: Record<string, string>): Caller {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(url + path, {
      method,
      headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    const json = /json/.test(res.headers.get('content-type') ?? '');
    return { status: res.status, body: text ? (json ? JSON.parse(text) : text) : null };
  };
  return { get: (p) => call('GET', p), post: (p, b) => call('POST', p, b), del: (p) => call('DELETE', p) };
}

/** `app` options reach createApp (for example acceptDemoSecrets: false, as NODE_ENV=production sets it). */
export async function startDispatchApp(
  app: {
    acceptDemoSecrets?: boolean;
    trustProxy?: boolean;
    media?: MediaStore;
    publicDb?: Db;
    publicReadLimit?: PublicReadLimit;
  } = {},
): Promise<DispatchApp> {
  const test = await freshTestDatabase();
  const db = test.pool;
  await seedSlaConfig(db);
  await seedDemoDispatch(db, { hashPassword, hashToken, cellOf: (lat, lng) => cellToBigint(cellAt(lat, lng)) });
  const catalog = await loadCatalog(db);
  const geocoder = buildAreaIndex(await currentAreas(db, 'commune'));
  const agencyRouting = await new AgencyRoutingTable(db).reload();
  const koa = createApp({
    ...app,
    db,
    geocoder,
    catalog,
    agencyRouting,
    operatorToken: OPERATOR_TOKEN,
    areasGeojson: { commune: '{}', province: '{}' },
  });
  const server: Server = createServer(koa.callback());
  answerClientErrors(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const anonymous = caller(url, {});
  return {
    url,
    db,
    anonymous,
    agencyRouting,
    kiosk: caller(url, { authorization: `Bearer ${OPERATOR_TOKEN}` }),
    unitPhone: (unitId) => caller(url, { authorization: `Bearer unit_demo_${unitId}` }),
    login: async (username, password = DEMO_PASSWORD) => {
      const res = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
      const cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const body = await res.json();
      return { ...caller(url, { cookie, 'x-csrf-token': body.csrfToken }), csrf: body.csrfToken, cookie };
    },
    createReport: async (body = {}) => {
      const res = await anonymous.post('/api/v1/reports', { ...sampleReport, ...body });
      if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.id as string;
    },
    close: async () => {
      await new Promise<void>((done) => server.close(() => done()));
      await db.end();
    },
  };
}
