// GeoReport v2 `extensions=true`: extended_attributes in both formats, through the same privacy allowlist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDispatchApp, type DispatchApp } from '../../test-support/dispatch-app.ts';
import { open311Client } from '../../test-support/open311-client.ts';
import { open311SchemaErrors } from '../../test-support/open311-schemas.ts';

const HAC_THANH = { lat: '19.8075', long: '105.7766' };

describe('Open311 extended_attributes', () => {
  let app: DispatchApp;
  let o311: ReturnType<typeof open311Client>;
  let road: string;
  let lighting: string;
  let secret: string;

  beforeAll(async () => {
    app = await startDispatchApp();
    o311 = open311Client(app.url);
    const admin = await app.login('admin');
    const { apiKey } = (await admin.post('/api/v1/open311/clients', { slug: 'fms-ext', name: 'FMS' })).body;
    const post = async (fields: Record<string, string | string[]>) => {
      const res = await o311.post('requests.json', { api_key: apiKey, ...HAC_THANH, ...fields });
      expect(res.status, res.text).toBe(201);
      return res.json()[0].service_request_id as string;
    };
    road = await post({
      service_code: 'road',
      description: 'Ổ gà, gọi 0988777666',
      'attribute[lane_blocked]': 'yes',
      'attribute[damage_kind][]': ['pothole', 'manhole'],
    });
    lighting = await post({
      service_code: 'lighting',
      'attribute[lamps_out]': '3',
      'attribute[pole_number]': 'Cột 12, nhà ông Tư 0911222333',
    });
    secret = await post({ service_code: 'security', 'attribute[happened_at]': '2026-12-01T08:00:00+07:00' });
    // One approved photo and one still waiting for moderation.
    await app.db.query(
      `INSERT INTO report_photos (id, report_id, position, display_key, thumb_key, content_type, width, height, moderation)
       SELECT p.id, r.id, p.pos, 'd', 't', 'image/jpeg', 10, 10, p.m FROM reports r,
              (VALUES ('approvedphoto0000001', 0, 'approved'), ('pendingphoto00000002', 1, 'pending')) p(id, pos, m)
        WHERE r.tracking_code = $1`,
      [road],
    );
  });
  afterAll(async () => app?.close());

  it('JSON: extensions=true adds extended_attributes, valid against the schema; without it the core shape', async () => {
    const plain = (await o311.get(`requests.json?service_request_id=${road},${lighting}`)).json();
    expect(open311SchemaErrors('requests', plain)).toEqual([]);
    expect(plain.every((r: any) => !('extended_attributes' in r))).toBe(true);

    const res = await o311.get(`requests.json?service_request_id=${road},${lighting},${secret}&extensions=true`);
    const list = res.json();
    expect(open311SchemaErrors('requestsExtended', list)).toEqual([]);
    // The schema itself refuses a request without the extension, so the check above can fail.
    expect(open311SchemaErrors('requestsExtended', plain)).not.toEqual([]);
    const byId = new Map(list.map((r: any) => [r.service_request_id, r.extended_attributes]));
    expect(byId.has(secret)).toBe(false); // a sensitive category stays out, extensions or not
    expect(byId.get(road)).toEqual({
      title: 'Hư hỏng đường sá, hạ tầng — Phường Hạc Thành',
      detailed_status: 'received',
      channel: 'open311:fms-ext',
      attributes: [
        { name: 'lane_blocked', label: 'Có chắn làn đường không?', code: 'yes', value: 'Có' },
        { name: 'damage_kind', label: 'Loại hư hỏng', code: 'pothole', value: 'Ổ gà' },
        { name: 'damage_kind', label: 'Loại hư hỏng', code: 'manhole', value: 'Hố ga, nắp cống' },
      ],
      media_urls: [`${app.url}/api/v1/photos/approvedphoto0000001/display`],
    });
    // A number is public; free text (the pole's description) is not.
    expect(byId.get(lighting)).toMatchObject({
      attributes: [{ name: 'lamps_out', code: '3', value: '3' }],
      media_urls: [],
    });
    expect(res.text).not.toContain('0911222333');
    expect(res.text).not.toContain('0988777666');
    expect(res.text).not.toContain('pendingphoto');
  });

  it('XML: request > extended_attributes with attributes > attribute and media_urls > media_url, element by element', async () => {
    const doc = (await o311.get(`requests/${road}.xml?extensions=true&locale=en`)).xml();
    const [r] = doc.service_requests.request;
    expect(Object.keys(r).slice(-2)).toEqual(['extended_attributes', 'notes']);
    // One public step so far: the submission itself (the report was received).
    expect(r.notes.note).toEqual({ datetime: r.requested_datetime, description: '', type: 'open' });
    const e = r.extended_attributes;
    expect(Object.keys(e)).toEqual(['title', 'detailed_status', 'channel', 'attributes', 'media_urls']);
    expect(e.title).toBe('Road and infrastructure damage — Phường Hạc Thành');
    expect(e.detailed_status).toBe('received');
    expect(e.channel).toBe('open311:fms-ext');
    // The test parser reads every <value> as a list (a service definition's values > value): one element each.
    expect(e.attributes.attribute).toEqual([
      { name: 'lane_blocked', label: 'Is a lane blocked?', code: 'yes', value: ['Yes'] },
      { name: 'damage_kind', label: 'Kind of damage', code: 'pothole', value: ['Pothole'] },
      { name: 'damage_kind', label: 'Kind of damage', code: 'manhole', value: ['Manhole or drain cover'] },
    ]);
    expect([e.media_urls.media_url].flat()).toEqual([`${app.url}/api/v1/photos/approvedphoto0000001/display`]);

    const lamp = (await o311.get(`requests/${lighting}.xml?extensions=true`)).xml().service_requests.request[0];
    expect(lamp.extended_attributes.attributes.attribute).toEqual([
      { name: 'lamps_out', label: 'Bao nhiêu bóng đèn bị hỏng?', code: '3', value: ['3'] },
    ]);
    expect(lamp.extended_attributes.media_urls).toBe('');
    const plain = (await o311.get(`requests/${road}.xml`)).xml().service_requests.request[0];
    expect(plain.extended_attributes).toBeUndefined();
  });

  it('follows the workflow: detailed_status behind open/closed, and each public step in notes (JSON and XML)', async () => {
    await app.db.query("UPDATE reports SET status = 'in_progress' WHERE tracking_code = $1", [road]);
    await app.db.query(
      `INSERT INTO report_timeline (report_id, at, actor_name, actor_role, from_status, to_status, internal_note, public_reply)
       SELECT id, '2026-12-05T02:30:00Z', 'Điều phối', 'dispatcher', 'received', 'in_progress', 'gọi anh Tư 0911222333',
              'Đội đang xử lý' FROM reports WHERE tracking_code = $1`,
      [road],
    );
    const res = await o311.get(`requests/${road}.json?extensions=true`);
    expect(open311SchemaErrors('requestsExtended', res.json())).toEqual([]);
    const [r] = res.json();
    expect(r.status).toBe('open');
    expect(r.extended_attributes.detailed_status).toBe('in_progress');
    expect(r.notes).toEqual([
      { datetime: r.requested_datetime, description: '', type: 'open' },
      { datetime: '2026-12-05T09:30:00+07:00', description: 'Đội đang xử lý', type: 'in_progress' },
    ]);
    expect(res.text).not.toContain('0911222333'); // the internal note stays internal
    const xml = (await o311.get(`requests/${road}.xml?extensions=true`)).xml().service_requests.request[0];
    expect(Object.keys(xml).slice(-2)).toEqual(['extended_attributes', 'notes']);
    expect(xml.notes.note).toEqual([
      { datetime: r.requested_datetime, description: '', type: 'open' },
      { datetime: '2026-12-05T09:30:00+07:00', description: 'Đội đang xử lý', type: 'in_progress' },
    ]);
  });

  it.each(['requests.json?extensions=yes', 'requests/TH-1.xml?extensions=1'])(
    '%s is a 400 naming extensions',
    async (path) => {
      const res = await o311.get(path);
      expect(res.status).toBe(400);
      expect(res.text).toContain('extensions');
    },
  );
});
