// Every staff route x every role -> allowed or refused, by calling the routes on a real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeTestAlert, sampleAlert } from '../../test-support/alerts.ts';
import { startDispatchApp, type Caller, type DispatchApp } from '../../test-support/dispatch-app.ts';

type Who =
  'anonymous' | 'administrator' | 'supervisor' | 'dispatcher' | 'agency_officer' | 'field_officer' | 'wall_viewer';
const WHO: Who[] = [
  'anonymous',
  'administrator',
  'supervisor',
  'dispatcher',
  'agency_officer',
  'field_officer',
  'wall_viewer',
];
const LOGIN: Partial<Record<Who, string>> = {
  administrator: 'admin',
  supervisor: 'supervisor',
  dispatcher: 'dispatcher',
  agency_officer: 'agency',
  field_officer: 'field',
};

interface RouteCase {
  name: string;
  /** Roles that get a 2xx; anonymous always gets 401, everyone else not listed 403. */
  allowed: Who[];
  call(c: Caller, app: DispatchApp): Promise<{ status: number }>;
}

const DESK: Who[] = ['administrator', 'supervisor', 'dispatcher'];
let n = 0;

// The report each case acts on is new and unassigned, routed by the seeded rules to the commune's
// People's Committee: the agency officer (Department of Construction) is an outsider to it.
const ANOTHER_AGENCYS_REPORT = { category: 'rubbish' };
const PUBLISHERS: Who[] = ['administrator', 'supervisor'];
/** A report with one pending photo row (moderation only touches the row, not the stored files). */
async function aPhoto(app: DispatchApp): Promise<string> {
  const id = (0x1000_0000_0000 + n++).toString(16).padStart(20, '0');
  await app.db.query(
    `INSERT INTO report_photos (id, report_id, position, display_key, thumb_key, content_type, width, height)
     VALUES ($1, $2, 0, repeat('a', 64), repeat('b', 64), 'image/webp', 10, 10)`,
    [id, await app.createReport(ANOTHER_AGENCYS_REPORT)],
  );
  return id;
}
const INTEGRATION_READERS: Who[] = ['administrator', 'supervisor'];
const A_MAPPING = { name: 'm', columns: { category: 'Loại', description: 'Nội dung' } };
const idOf = async (app: DispatchApp, sql: string, values: unknown[] = []) =>
  (await app.db.query<{ id: string }>(sql, values)).rows[0].id;
const aWebhook = (app: DispatchApp) =>
  idOf(
    app,
    `INSERT INTO webhook_endpoints (url, events, secret) VALUES ('https://example.vn/h', '{report.created}', 's')
     RETURNING id::text AS id`,
  );
const aDelivery = async (app: DispatchApp) =>
  idOf(
    app,
    `INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, payload, status)
     VALUES ($1, $2, 'report.created', '{}', 'failed') RETURNING id::text AS id`,
    [await aWebhook(app), n++],
  );
const aClient = (app: DispatchApp) =>
  idOf(app, `INSERT INTO open311_clients (slug, name, key_hash) VALUES ($1, 'x', $1) RETURNING id::text AS id`, [
    `perm-${n++}`,
  ]);
const aMapping = (app: DispatchApp) =>
  idOf(app, `INSERT INTO import_mappings (name, columns) VALUES ($1, $2) RETURNING id::text AS id`, [
    `perm-${n++}`,
    JSON.stringify(A_MAPPING.columns),
  ]);
const ROUTES: RouteCase[] = [
  { name: 'POST /alerts', allowed: PUBLISHERS, call: (c) => c.post('/api/v1/alerts', sampleAlert()) },
  { name: 'GET /alerts/desk', allowed: PUBLISHERS, call: (c) => c.get('/api/v1/alerts/desk') },
  {
    name: 'POST /alerts/outages',
    allowed: PUBLISHERS,
    call: (c) =>
      c.post('/api/v1/alerts/outages', {
        csv: 'area,start,end,reason\n14797,2030-01-01 08:00,2030-01-01 10:00,test',
        utility: 'power',
      }),
  },
  {
    name: 'GET /alerts/:id/reach',
    allowed: PUBLISHERS,
    call: async (c, app) => c.get(`/api/v1/alerts/${await composeTestAlert(app.db)}/reach`),
  },
  {
    name: 'POST /alerts/:id/approve',
    allowed: PUBLISHERS,
    call: async (c, app) =>
      c.post(`/api/v1/alerts/${await composeTestAlert(app.db, { severity: 'Extreme' })}/approve`, {}),
  },
  {
    name: 'POST /alerts/:id/update',
    allowed: PUBLISHERS,
    call: async (c, app) => c.post(`/api/v1/alerts/${await composeTestAlert(app.db)}/update`, sampleAlert()),
  },
  {
    name: 'POST /alerts/:id/cancel',
    allowed: PUBLISHERS,
    call: async (c, app) => c.post(`/api/v1/alerts/${await composeTestAlert(app.db)}/cancel`, {}),
  },
  { name: 'GET /queue', allowed: [...DESK, 'agency_officer', 'field_officer'], call: (c) => c.get('/api/v1/queue') },
  {
    name: 'GET /queue?view=supervisor',
    allowed: ['administrator', 'supervisor'],
    call: (c) => c.get('/api/v1/queue?view=supervisor'),
  },
  {
    name: 'GET /reports/:id/dispatch',
    allowed: DESK,
    call: async (c, app) => c.get(`/api/v1/reports/${await app.createReport(ANOTHER_AGENCYS_REPORT)}/dispatch`),
  },
  {
    name: 'POST /reports/:id/transitions',
    allowed: DESK,
    call: async (c, app) =>
      c.post(`/api/v1/reports/${await app.createReport(ANOTHER_AGENCYS_REPORT)}/transitions`, { to: 'triaged' }),
  },
  {
    name: 'POST /reports/:id/assign',
    allowed: DESK,
    call: async (c, app) => {
      await app.db.query("UPDATE units SET status = 'available' WHERE id = 'xd-02'");
      return c.post(`/api/v1/reports/${await app.createReport(ANOTHER_AGENCYS_REPORT)}/assign`, { unitId: 'xd-02' });
    },
  },
  {
    name: 'POST /reports/:id/merge',
    allowed: DESK,
    call: async (c, app) =>
      c.post(`/api/v1/reports/${await app.createReport(ANOTHER_AGENCYS_REPORT)}/merge`, {
        into: await app.createReport(ANOTHER_AGENCYS_REPORT),
      }),
  },
  {
    name: 'GET /reports/:id/duplicates',
    allowed: DESK,
    call: async (c, app) => c.get(`/api/v1/reports/${await app.createReport(ANOTHER_AGENCYS_REPORT)}/duplicates`),
  },
  {
    name: 'GET /reports/:id/units/nearest',
    allowed: DESK,
    call: async (c, app) => c.get(`/api/v1/reports/${await app.createReport(ANOTHER_AGENCYS_REPORT)}/units/nearest`),
  },
  {
    name: 'GET /events',
    allowed: [...DESK, 'wall_viewer'],
    call: (c) =>
      c.get(`/api/v1/events?from=${new Date(Date.now() - 3_600_000).toISOString()}&to=${new Date().toISOString()}`),
  },
  { name: 'GET /wall-tokens', allowed: ['administrator'], call: (c) => c.get('/api/v1/wall-tokens') },
  {
    name: 'POST /wall-tokens',
    allowed: ['administrator'],
    call: (c) => c.post('/api/v1/wall-tokens', { name: `wall ${++n}` }),
  },
  {
    name: 'POST /wall-tokens/:id/revoke',
    allowed: ['administrator'],
    call: async (c, app) => {
      const { rows } = await app.db.query<{ id: string }>(
        "INSERT INTO wall_tokens (name, token_hash) VALUES ('to revoke', md5(random()::text)) RETURNING id::text",
      );
      return c.post(`/api/v1/wall-tokens/${rows[0].id}/revoke`, {});
    },
  },
  {
    name: 'GET /hotspots',
    allowed: [...DESK, 'agency_officer', 'field_officer', 'wall_viewer'],
    call: (c) => c.get('/api/v1/hotspots?window=24h&res=7'),
  },
  {
    name: 'GET /units',
    allowed: [...DESK, 'agency_officer', 'field_officer', 'wall_viewer'],
    call: (c) => c.get('/api/v1/units'),
  },
  {
    name: 'POST /units/xd-01/position',
    allowed: ['administrator', 'field_officer'],
    call: (c) => c.post('/api/v1/units/xd-01/position', { lat: 19.81, lng: 105.77 + n++ / 1e4 }),
  },
  {
    name: 'POST /units/xd-03/status',
    allowed: [...DESK, 'agency_officer'],
    call: (c) => c.post('/api/v1/units/xd-03/status', { status: 'off_duty' }),
  },
  {
    name: 'GET /queue?q=&sort=priority',
    allowed: [...DESK, 'agency_officer', 'field_officer'],
    call: (c) => c.get('/api/v1/queue?q=rac&sort=priority&limit=5'),
  },
  {
    name: 'POST /queue/bulk/transition',
    allowed: DESK,
    call: async (c, app) =>
      c.post('/api/v1/queue/bulk/transition', {
        ids: [await app.createReport(ANOTHER_AGENCYS_REPORT), await app.createReport(ANOTHER_AGENCYS_REPORT)],
        to: 'triaged',
      }),
  },
  {
    name: 'POST /queue/bulk/merge',
    allowed: DESK,
    call: async (c, app) =>
      c.post('/api/v1/queue/bulk/merge', {
        ids: [await app.createReport(ANOTHER_AGENCYS_REPORT)],
        into: await app.createReport(ANOTHER_AGENCYS_REPORT),
      }),
  },
  {
    name: 'GET /queue/export.csv',
    allowed: [...DESK, 'agency_officer', 'field_officer'],
    call: (c) => c.get('/api/v1/queue/export.csv?category=road'),
  },
  {
    name: 'GET /queue/export.geojson',
    allowed: [...DESK, 'agency_officer', 'field_officer'],
    call: (c) => c.get('/api/v1/queue/export.geojson?category=road'),
  },
  {
    name: 'GET /reports/:id/context',
    allowed: DESK,
    call: async (c, app) => c.get(`/api/v1/reports/${await app.createReport(ANOTHER_AGENCYS_REPORT)}/context`),
  },
  {
    name: 'GET /canned-replies',
    allowed: [...DESK, 'agency_officer', 'field_officer'],
    call: (c) => c.get('/api/v1/canned-replies'),
  },
  {
    name: 'POST /canned-replies',
    allowed: ['administrator', 'supervisor'],
    call: (c) => c.post('/api/v1/canned-replies', { category: 'road', text: `Đã tiếp nhận ${n++}` }),
  },
  {
    name: 'POST /canned-replies/:id/delete',
    allowed: ['administrator', 'supervisor'],
    call: async (c, app) => {
      const { rows } = await app.db.query<{ id: string }>(
        "INSERT INTO canned_replies (category, text) VALUES ('road', 'tạm') RETURNING id::text",
      );
      return c.post(`/api/v1/canned-replies/${rows[0].id}/delete`, {});
    },
  },
  {
    name: 'GET /queue/filters',
    allowed: [...DESK, 'agency_officer', 'field_officer'],
    call: (c) => c.get('/api/v1/queue/filters'),
  },
  {
    name: 'POST /queue/filters',
    allowed: [...DESK, 'agency_officer', 'field_officer'],
    call: (c) => c.post('/api/v1/queue/filters', { name: `f${n++}`, query: { sort: 'age' } }),
  },
  { name: 'GET /admin/sla', allowed: ['administrator', 'supervisor'], call: (c) => c.get('/api/v1/admin/sla') },
  {
    name: 'POST /admin/sla/:category',
    allowed: ['administrator'],
    call: (c) =>
      c.post('/api/v1/admin/sla/other', {
        responseAmount: 8,
        responseUnit: 'hours',
        resolutionAmount: 7,
        resolutionUnit: 'working_days',
      }),
  },
  {
    name: 'POST /admin/sla/:category/priority/:priority',
    allowed: ['administrator'],
    call: (c) =>
      c.post('/api/v1/admin/sla/other/priority/1', {
        responseAmount: 1,
        responseUnit: 'hours',
        resolutionAmount: 8,
        resolutionUnit: 'hours',
      }),
  },
  {
    name: 'POST /admin/sla/:category/priority/:priority/delete',
    allowed: ['administrator'],
    call: async (c, app) => {
      await app.db.query(
        `INSERT INTO category_sla (category, priority, response_amount, response_unit, resolution_amount, resolution_unit)
         VALUES ('other', 2, 1, 'hours', 4, 'hours') ON CONFLICT DO NOTHING`,
      );
      return c.post('/api/v1/admin/sla/other/priority/2/delete', {});
    },
  },
  {
    name: 'GET /admin/holidays',
    allowed: ['administrator', 'supervisor'],
    call: (c) => c.get('/api/v1/admin/holidays?year=2026'),
  },
  {
    name: 'POST /admin/holidays',
    allowed: ['administrator'],
    call: (c) => c.post('/api/v1/admin/holidays', { day: '2029-09-02', nameVi: 'Quốc khánh', nameEn: 'National Day' }),
  },
  {
    name: 'POST /admin/holidays/:day/delete',
    allowed: ['administrator'],
    call: async (c, app) => {
      await app.db.query(
        "INSERT INTO calendar_days (day, name_vi, name_en) VALUES ('2029-01-01', 'Tết Dương lịch', 'New Year') ON CONFLICT DO NOTHING",
      );
      return c.post('/api/v1/admin/holidays/2029-01-01/delete', {});
    },
  },
  {
    name: 'POST /admin/staff/:id',
    allowed: ['administrator'],
    call: async (c, app) => {
      const { rows } = await app.db.query<{ id: string }>("SELECT id::text FROM staff_users WHERE username = 'wall'");
      return c.post(`/api/v1/admin/staff/${rows[0].id}`, { displayName: `Màn hình ${n++}` });
    },
  },
  { name: 'GET /admin/units', allowed: ['administrator', 'supervisor'], call: (c) => c.get('/api/v1/admin/units') },
  {
    name: 'POST /admin/units',
    allowed: ['administrator'],
    call: (c) =>
      c.post('/api/v1/admin/units', {
        id: 'mt-02',
        agencyId: 'so-nong-nghiep-moi-truong',
        name: 'Đội 02',
        trade: null,
      }),
  },
  {
    name: 'GET /admin/routing-preview',
    allowed: ['administrator', 'supervisor'],
    call: (c) => c.get('/api/v1/admin/routing-preview?category=road&lat=19.8&lng=105.77&date=2026-03-01'),
  },
  { name: 'GET /admin/audit', allowed: ['administrator', 'supervisor'], call: (c) => c.get('/api/v1/admin/audit') },
  { name: 'GET /staff', allowed: ['administrator', 'supervisor'], call: (c) => c.get('/api/v1/staff') },
  {
    name: 'POST /photos/:id/moderation',
    allowed: DESK,
    call: async (c, app) => c.post(`/api/v1/photos/${await aPhoto(app)}/moderation`, { decision: 'approve' }),
  },
  {
    name: 'GET /reports/:id/photos',
    allowed: [...DESK, 'agency_officer', 'field_officer', 'wall_viewer'],
    call: async (c, app) => c.get(`/api/v1/reports/${await app.createReport(ANOTHER_AGENCYS_REPORT)}/photos`),
  },
  { name: 'GET /routing-rules', allowed: DESK, call: (c) => c.get('/api/v1/routing-rules') },
  {
    name: 'POST /routing-rules',
    allowed: ['administrator'],
    call: (c) =>
      c.post('/api/v1/routing-rules', {
        agencyId: 'so-xay-dung',
        category: 'road',
        areaCode: '14797',
        effectiveFrom: '2027-01-01',
      }),
  },
  {
    name: 'POST /staff',
    allowed: ['administrator'],
    call: (c) =>
      c.post('/api/v1/staff', {
        username: `new.${n++}`,
        displayName: 'Cán bộ mới',
        password: 'a long enough password',
        role: 'dispatcher',
      }),
  },
  {
    name: 'POST /staff/invites',
    allowed: ['administrator'],
    call: (c) =>
      c.post('/api/v1/staff/invites', { username: `invited.${n++}`, displayName: 'Cán bộ mời', role: 'dispatcher' }),
  },
  {
    name: 'POST /staff/:id/invite',
    allowed: ['administrator'],
    call: async (c, app) => {
      const { rows } = await app.db.query<{ id: string }>(
        "INSERT INTO staff_users (username, display_name, role) VALUES ($1, 'Chờ nhận lời mời', 'dispatcher') RETURNING id::text",
        [`waiting.${n++}`],
      );
      return c.post(`/api/v1/staff/${rows[0].id}/invite`, {});
    },
  },
  { name: 'GET /open311/clients', allowed: INTEGRATION_READERS, call: (c) => c.get('/api/v1/open311/clients') },
  { name: 'GET /webhooks', allowed: INTEGRATION_READERS, call: (c) => c.get('/api/v1/webhooks') },
  {
    name: 'GET /webhooks/:id/deliveries',
    allowed: INTEGRATION_READERS,
    call: async (c, app) => c.get(`/api/v1/webhooks/${await aWebhook(app)}/deliveries`),
  },
  {
    name: 'POST /webhooks/:id/disable',
    allowed: ['administrator'],
    call: async (c, app) => c.post(`/api/v1/webhooks/${await aWebhook(app)}/disable`, {}),
  },
  {
    name: 'POST /webhooks/deliveries/:id/replay',
    allowed: ['administrator'],
    call: async (c, app) => c.post(`/api/v1/webhooks/deliveries/${await aDelivery(app)}/replay`, {}),
  },
  {
    name: 'POST /open311/clients/:id/revoke',
    allowed: ['administrator'],
    call: async (c, app) => c.post(`/api/v1/open311/clients/${await aClient(app)}/revoke`, {}),
  },
  {
    name: 'POST /imports/mappings',
    allowed: ['administrator'],
    call: (c) => c.post('/api/v1/imports/mappings', { ...A_MAPPING, name: `m-${n++}` }),
  },
  {
    name: 'POST /imports/mappings/:id',
    allowed: ['administrator'],
    call: async (c, app) =>
      c.post(`/api/v1/imports/mappings/${await aMapping(app)}`, { ...A_MAPPING, name: `m-${n++}` }),
  },
  {
    name: 'POST /imports/mappings/:id/delete',
    allowed: ['administrator'],
    call: async (c, app) => c.post(`/api/v1/imports/mappings/${await aMapping(app)}/delete`, {}),
  },
  { name: 'GET /imports/mappings', allowed: DESK, call: (c) => c.get('/api/v1/imports/mappings') },
  {
    name: 'POST /webhooks',
    allowed: ['administrator'],
    call: (c) => c.post('/api/v1/webhooks', { url: 'https://example.vn/hook', events: ['report.created'] }),
  },
  {
    name: 'POST /open311/clients',
    allowed: ['administrator'],
    call: (c) => c.post('/api/v1/open311/clients', { slug: `client-${n++}`, name: 'Ứng dụng' }),
  },
];

describe('permission matrix', () => {
  let app: DispatchApp;
  const callers = {} as Record<Who, Caller>;
  beforeAll(async () => {
    app = await startDispatchApp();
    callers.anonymous = app.anonymous;
    callers.wall_viewer = app.kiosk;
    for (const [who, username] of Object.entries(LOGIN)) callers[who as Who] = await app.login(username);
  });
  afterAll(async () => app?.close());

  const cases = ROUTES.flatMap((route) => WHO.map((who) => [route.name, who, route] as const));
  it.each(cases)('%s as %s', async (_name, who, route) => {
    const res = await route.call(callers[who], app);
    const expected = who === 'anonymous' ? 401 : route.allowed.includes(who) ? 'ok' : 403;
    expect(res.status >= 200 && res.status < 300 ? 'ok' : res.status, JSON.stringify(res)).toBe(expected);
  });

  it.each(['/api/v1/agencies', '/api/v1/trades', '/api/v1/geocode/address?q=12%20L%C3%AA%20L%E1%BB%A3i'])(
    '%s is public: names only',
    async (path) => {
      for (const who of WHO) expect((await callers[who].get(path)).status, who).toBe(200);
    },
  );

  it('the report list gives an agency officer staff detail for its agency only', async () => {
    const mine = await app.createReport();
    const theirs = await app.createReport();
    await app.db.query(
      "UPDATE reports SET agency_id = CASE WHEN id = $1 THEN 'so-xay-dung' ELSE 'dien-luc' END WHERE id IN ($1, $2)",
      [mine, theirs],
    );
    const list = (await callers.agency_officer.get('/api/v1/reports')).body.reports;
    expect(list.find((r: any) => r.id === mine).reporter).toBeDefined();
    expect(list.find((r: any) => r.id === theirs).reporter).toBeUndefined();
    expect((await callers.agency_officer.get(`/api/v1/reports/${theirs}`)).body.description).toBeUndefined();
    expect((await callers.dispatcher.get(`/api/v1/reports/${theirs}`)).body.description).toBeDefined();
  });

  it("an agency officer acts on its own agency's reports, and the unit phone moves only its unit", async () => {
    const agency = callers.agency_officer;
    const id = await app.createReport(ANOTHER_AGENCYS_REPORT);
    await app.db.query("UPDATE reports SET agency_id = 'so-xay-dung', status = 'assigned' WHERE id = $1", [id]);
    expect((await agency.get(`/api/v1/reports/${id}/dispatch`)).status).toBe(200);
    expect((await agency.post(`/api/v1/reports/${id}/transitions`, { to: 'in_progress' })).status).toBe(200);
    expect((await agency.get('/api/v1/queue')).body.items.every((i: any) => i.agencyId === 'so-xay-dung')).toBe(true);
    const phone = app.unitPhone('xd-02');
    expect((await phone.post('/api/v1/units/xd-02/position', { lat: 19.8, lng: 105.78 })).status).toBe(200);
    expect((await phone.post('/api/v1/units/xd-01/position', { lat: 19.8, lng: 105.78 })).status).toBe(403);
    expect((await app.unitPhone('nope').post('/api/v1/units/xd-01/position', { lat: 19.8, lng: 105.78 })).status).toBe(
      401,
    );
  });

  it("no route that returns reports hands an agency officer another agency's report in staff detail", async () => {
    const agency = callers.agency_officer;
    // Two reports of one pothole, one routed to the officer's agency and one re-routed elsewhere.
    const mine = await app.createReport({ description: 'ổ gà của sở' });
    const theirs = await app.createReport({ description: 'ổ gà bí mật của cơ quan khác' });
    await app.db.query(
      "UPDATE reports SET agency_id = CASE WHEN id = $1 THEN 'so-xay-dung' ELSE 'cong-an-tinh' END WHERE id IN ($1, $2)",
      [mine, theirs],
    );
    const dupes = await agency.get(`/api/v1/reports/${mine}/duplicates`);
    expect(dupes.status).toBe(200);
    const ids = (body: unknown) => (body as { candidates: { id: string }[] }).candidates.map((c) => c.id);
    expect(ids(dupes.body)).not.toContain(theirs);
    expect(JSON.stringify(dupes.body)).not.toContain('bí mật');
    // The desk still sees both as duplicates of each other.
    expect(ids((await callers.dispatcher.get(`/api/v1/reports/${mine}/duplicates`)).body)).toContain(theirs);
    for (const path of [
      '/api/v1/reports',
      `/api/v1/reports?ids=${theirs}`,
      `/api/v1/reports/${theirs}`,
      '/api/v1/queue',
    ]) {
      expect(JSON.stringify((await agency.get(path)).body), path).not.toContain('bí mật');
    }
  });
});
