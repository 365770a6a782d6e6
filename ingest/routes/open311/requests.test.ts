// Open311 POST/GET requests, requests/{id} and tokens/{token} in both formats, with each documented error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errors, fieldIssue, reasons } from '../../../domain/errors.ts';
import { startDispatchApp, type DispatchApp } from '../../test-support/dispatch-app.ts';
import { open311Client, type Open311Answer } from '../../test-support/open311-client.ts';
import { open311SchemaErrors } from '../../test-support/open311-schemas.ts';

const HAC_THANH = { lat: '19.8075', long: '105.7766' };

/** The descriptions of an `errors` answer, after checking its shape (JSON Schema; XML codes match the status). */
function descriptionsOf(res: Open311Answer, status: number): string[] {
  expect(res.status).toBe(status);
  if (res.type.includes('xml')) {
    const errors = res.xml().errors.error;
    expect(errors.every((e: any) => e.code === String(status))).toBe(true);
    return errors.map((e: any) => e.description);
  }
  expect(open311SchemaErrors('errors', res.json())).toEqual([]);
  return res.json().map((e: any) => e.description);
}

function expectErrors(res: Open311Answer, status: number, mentions: string) {
  expect(descriptionsOf(res, status).join(' ')).toContain(mentions);
}

describe('Open311 service requests', () => {
  let app: DispatchApp;
  let o311: ReturnType<typeof open311Client>;
  let apiKey: string;
  beforeAll(async () => {
    app = await startDispatchApp();
    o311 = open311Client(app.url);
    const admin = await app.login('admin');
    const issued = await admin.post('/api/v1/open311/clients', { slug: 'fms-demo', name: 'FixMyStreet demo' });
    expect(issued.status).toBe(201);
    apiKey = issued.body.apiKey;
  });
  afterAll(async () => app?.close());

  const post = (format: 'json' | 'xml', fields: Record<string, string | string[] | undefined>) =>
    o311.post(`requests.${format}`, { api_key: apiKey, jurisdiction_id: 'thanhhoa', ...fields });

  it('POST requests.json stores a report on the channel open311:<client> and answers its code and a token', async () => {
    const res = await post('json', {
      service_code: 'road',
      ...HAC_THANH,
      description: 'Ổ gà trước số 12',
      first_name: 'Lan',
      last_name: 'Trần',
      phone: '0912345678',
      email: 'lan@example.vn',
      device_id: 'dev-1',
      account_id: 'acc-1',
      media_url: 'https://photos.example.vn/1.jpg',
    });
    expect(res.status, res.text).toBe(201);
    expect(open311SchemaErrors('postResponse', res.json())).toEqual([]);
    const [answer] = res.json();
    expect(answer.service_request_id).toMatch(/^TH-/);
    expect(answer.account_id).toBe('acc-1');
    const { rows } = await app.db.query(
      `SELECT r.channel, r.reporter_name, r.reporter_phone, o.email, o.token, o.media_url,
              (SELECT count(*)::int FROM events e WHERE e.report_id = r.id AND e.kind = 'report.created') AS events
         FROM reports r JOIN open311_requests o ON o.report_id = r.id WHERE r.tracking_code = $1`,
      [answer.service_request_id],
    );
    expect(rows[0]).toMatchObject({
      channel: 'open311:fms-demo',
      reporter_name: 'Lan Trần',
      reporter_phone: '0912345678',
      email: 'lan@example.vn',
      token: answer.token,
      media_url: 'https://photos.example.vn/1.jpg',
      events: 1,
    });
  });

  it('POST requests.xml answers service_requests > request with the id, and geocodes address_string', async () => {
    const res = await post('xml', { service_code: 'rubbish', address_string: 'Phường Hạc Thành' });
    expect(res.status).toBe(201);
    const [request] = res.xml().service_requests.request;
    expect(request.service_request_id).toMatch(/^TH-/);
    expect(request.token.length).toBeGreaterThan(20);
    expect(request).toHaveProperty('service_notice');
    const { rows } = await app.db.query('SELECT area_name FROM reports WHERE tracking_code = $1', [
      request.service_request_id,
    ]);
    expect(rows[0].area_name).toContain('Hạc Thành');
  });

  it.each([
    ['json', { api_key: undefined, service_code: 'road', ...HAC_THANH }, 403, 'api_key'],
    ['xml', { api_key: 'o311_wrong', service_code: 'road', ...HAC_THANH }, 403, 'api_key'],
    ['json', { service_code: undefined, ...HAC_THANH }, 400, 'service_code'],
    ['xml', { service_code: 'volcano', ...HAC_THANH }, 400, 'service_code'],
    ['json', { service_code: 'road' }, 400, 'location is required'],
    ['xml', { service_code: 'road', lat: '19.8' }, 400, 'long'],
    ['json', { service_code: 'road', lat: '91', long: '105' }, 400, 'lat'],
    ['json', { service_code: 'road', address_string: 'zzqx không có nơi này' }, 400, 'address_string'],
    ['xml', { service_code: 'road', ...HAC_THANH, email: 'not-an-email' }, 400, 'email'],
    ['json', { service_code: 'road', ...HAC_THANH, 'attribute[colour]': 'red' }, 400, 'attribute[colour]'],
    ['xml', { service_code: 'road', ...HAC_THANH, 'attribute[lane_blocked]': 'maybe' }, 400, 'attribute[lane_blocked]'],
    [
      'json',
      { service_code: 'flooding', ...HAC_THANH, 'attribute[water_depth]': '9000' },
      400,
      'attribute[water_depth]',
    ],
  ] as const)('POST requests.%s %j answers %i naming %s, and stores nothing', async (format, fields, status, what) => {
    const before = (await app.db.query('SELECT count(*)::int AS n FROM reports')).rows[0].n;
    expectErrors(await post(format, fields), status, what);
    expect((await app.db.query('SELECT count(*)::int AS n FROM reports')).rows[0].n).toBe(before);
  });

  it('each description is Vietnamese first, English beside it, from the catalogue', async () => {
    const missing = fieldIssue('service_code', reasons.required);
    for (const format of ['json', 'xml'] as const)
      expect(descriptionsOf(await post(format, { ...HAC_THANH }), 400)).toEqual([
        `service_code: ${missing.reasonVi} / ${missing.reason}`,
      ]);
    const unknown = errors.noReportWithCode('TH-0000-NOPE');
    for (const format of ['json', 'xml'])
      expect(descriptionsOf(await o311.get(`requests/TH-0000-NOPE.${format}`), 404)).toEqual([
        `${unknown.messageVi} / ${unknown.message}`,
      ]);
  });

  it('attribute[code]=… answers are checked against the questions and stored with the report', async () => {
    const res = await post('json', {
      service_code: 'road',
      ...HAC_THANH,
      'attribute[lane_blocked]': 'yes',
      'attribute[damage_kind][]': ['pothole', 'manhole'],
    });
    expect(res.status).toBe(201);
    const { rows } = await app.db.query('SELECT answers FROM reports WHERE tracking_code = $1', [
      res.json()[0].service_request_id,
    ]);
    expect(rows[0].answers).toEqual({ lane_blocked: 'yes', damage_kind: ['pothole', 'manhole'] });
  });

  it('a revoked key is refused', async () => {
    const admin = await app.login('admin');
    const issued = await admin.post('/api/v1/open311/clients', { slug: 'old-app', name: 'Old app' });
    expect((await admin.post(`/api/v1/open311/clients/${issued.body.id}/revoke`, {})).status).toBe(200);
    const res = await o311.post('requests.json', { api_key: issued.body.apiKey, service_code: 'road', ...HAC_THANH });
    expectErrors(res, 403, 'api_key');
  });

  it('GET requests lists requests through the public presenter, filtered as the spec says', async () => {
    const [mine] = (await post('json', { service_code: 'road', ...HAC_THANH, description: 'Gọi 0988777666' })).json();
    const [secret] = (await post('json', { service_code: 'security', ...HAC_THANH })).json();
    const all = (await o311.get('requests.json')).json();
    expect(open311SchemaErrors('requests', all)).toEqual([]);
    const road = all.find((r: any) => r.service_request_id === mine.service_request_id);
    expect(road).toMatchObject({ status: 'open', service_code: 'road', description: null, media_url: null });
    expect(road.requested_datetime).toMatch(/\+07:00$/);
    expect(road.lat).not.toBe(19.8075); // snapped to a res-9 cell centre
    expect(Math.abs(road.lat - 19.8075)).toBeLessThan(0.01);
    expect(JSON.stringify(all)).not.toContain('0988777666');
    expect(JSON.stringify(all)).not.toContain('0912345678');
    // A sensitive request has no public row at all (geo/privacy.ts), not even one without a position.
    expect(all.find((r: any) => r.service_request_id === secret.service_request_id)).toBeUndefined();

    const onlyRoad = (await o311.get('requests.json?service_code=road')).json();
    expect(onlyRoad.every((r: any) => r.service_code === 'road')).toBe(true);
    expect((await o311.get('requests.json?status=closed')).json()).toEqual([]);
    expect(
      (await o311.get('requests.json?start_date=2099-01-01T00:00:00Z&end_date=2099-02-01T00:00:00%2B07:00')).json(),
    ).toEqual([]);
    const both = (
      await o311.get(
        `requests.json?service_request_id=${mine.service_request_id},${secret.service_request_id}&status=closed`,
      )
    ).json();
    expect(both.map((r: any) => r.service_request_id)).toEqual([mine.service_request_id]);
  });

  it('GET requests.xml: service_requests > request with every spec element, empty when null', async () => {
    const [mine] = (await post('json', { service_code: 'road', ...HAC_THANH })).json();
    const doc = (await o311.get(`requests.xml?service_request_id=${mine.service_request_id}`)).xml();
    const [r] = doc.service_requests.request;
    expect(Object.keys(r)).toEqual([
      'service_request_id',
      'status',
      'status_notes',
      'service_name',
      'service_code',
      'description',
      'agency_responsible',
      'service_notice',
      'requested_datetime',
      'updated_datetime',
      'expected_datetime',
      'address',
      'address_id',
      'zipcode',
      'lat',
      'long',
      'media_url',
    ]);
    expect(r.service_request_id).toBe(mine.service_request_id);
    expect(r.status).toBe('open');
    expect(r.service_name).toBe('Hư hỏng đường sá, hạ tầng');
    expect(r.description).toBe('');
    expect(Number(r.lat)).toBeCloseTo(19.8075, 1);
    expect(r.requested_datetime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
  });

  it('the default window is the last 90 days and one answer holds at most 1,000 requests', async () => {
    const [old] = (await post('json', { service_code: 'lighting', ...HAC_THANH })).json();
    await app.db.query("UPDATE reports SET created_at = now() - interval '100 days' WHERE tracking_code = $1", [
      old.service_request_id,
    ]);
    const recent = (await o311.get('requests.json?service_code=lighting')).json();
    expect(recent.map((r: any) => r.service_request_id)).not.toContain(old.service_request_id);
    const since = new Date(Date.now() - 101 * 86_400_000).toISOString();
    const wide = (await o311.get(`requests.json?service_code=lighting&start_date=${since}`)).json();
    expect(wide.map((r: any) => r.service_request_id)).toContain(old.service_request_id);
    await app.db.query(
      `INSERT INTO reports (category, description, lat, lng, h3_cell, area_code, area_name, province_code)
       SELECT category, description, lat, lng, h3_cell, area_code, area_name, province_code
         FROM reports, generate_series(1, 1001) WHERE tracking_code = $1`,
      [old.service_request_id],
    );
    expect((await o311.get('requests.json?service_code=lighting')).json()).toHaveLength(1000);
  });

  it.each([
    ['requests.json?start_date=yesterday', 'start_date'],
    ['requests.xml?status=pending', 'status'],
    ['requests.json?start_date=2026-02-01T00:00:00Z&end_date=2026-01-01T00:00:00Z', 'start_date'],
    ['requests.xml?service_code=volcano', 'service_code'],
  ])('GET %s is a 400 naming %s', async (path, what) => expectErrors(await o311.get(path), 400, what));

  it('requests/{id} and tokens/{token} in both formats, 404 when unknown', async () => {
    const [mine] = (await post('json', { service_code: 'flooding', ...HAC_THANH })).json();
    const one = (await o311.get(`requests/${mine.service_request_id}.json`)).json();
    expect(open311SchemaErrors('requests', one)).toEqual([]);
    expect(one).toHaveLength(1);
    expect(one[0].service_code).toBe('flooding');
    const oneXml = (await o311.get(`requests/${mine.service_request_id}.xml?locale=en`)).xml();
    expect(oneXml.service_requests.request[0].service_name).toBe('Flooding and drainage');
    const token = (await o311.get(`tokens/${mine.token}.json`)).json();
    expect(open311SchemaErrors('tokens', token)).toEqual([]);
    expect(token[0]).toEqual({ service_request_id: mine.service_request_id, token: mine.token });
    const tokenXml = (await o311.get(`tokens/${mine.token}.xml`)).xml();
    expect(tokenXml.service_requests.request[0].service_request_id).toBe(mine.service_request_id);
    expectErrors(await o311.get('requests/TH-0000-NOPE.json'), 404, 'TH-0000-NOPE');
    expectErrors(await o311.get('requests/TH-0000-NOPE.xml'), 404, 'TH-0000-NOPE');
    expectErrors(await o311.get('tokens/nope.json'), 404, 'nope');
    expectErrors(await o311.get('tokens/nope.xml'), 404, 'nope');
  });
});
