// FixMyStreet's servicerequestupdates: GET the public steps since a date, POST a relayed citizen comment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDispatchApp, type DispatchApp } from '../../test-support/dispatch-app.ts';
import { open311Client } from '../../test-support/open311-client.ts';
import { open311SchemaErrors } from '../../test-support/open311-schemas.ts';

describe('Open311 service request updates', () => {
  let app: DispatchApp;
  let o311: ReturnType<typeof open311Client>;
  let apiKey: string;
  let code: string;
  const startedAt = new Date(Date.now() - 1000).toISOString();
  beforeAll(async () => {
    app = await startDispatchApp();
    o311 = open311Client(app.url);
    const admin = await app.login('admin');
    apiKey = (await admin.post('/api/v1/open311/clients', { slug: 'fms', name: 'FixMyStreet' })).body.apiKey;
    code = (
      await o311.post('requests.json', { api_key: apiKey, service_code: 'road', lat: '19.8075', long: '105.7766' })
    ).json()[0].service_request_id;
    const { rows } = await app.db.query<{ id: string }>('SELECT id::text AS id FROM reports WHERE tracking_code = $1', [
      code,
    ]);
    const dispatcher = await app.login('dispatcher');
    const steps = [{ to: 'assigned' }, { to: 'in_progress' }, { to: 'resolved', publicReply: 'Đã vá ổ gà' }];
    for (const step of steps)
      expect((await dispatcher.post(`/api/v1/reports/${rows[0].id}/transitions`, step)).status).toBe(200);
  });
  afterAll(async () => app?.close());

  it('GET servicerequestupdates.json lists each step with the FixMyStreet status and the public reply', async () => {
    const res = await o311.get(`servicerequestupdates.json?start_date=${encodeURIComponent(startedAt)}`);
    expect(res.status).toBe(200);
    expect(open311SchemaErrors('updates', res.json())).toEqual([]);
    const mine = res.json().filter((u: any) => u.service_request_id === code);
    expect(mine.map((u: any) => u.status)).toEqual(['open', 'action_scheduled', 'in_progress', 'fixed']);
    expect(mine[3].description).toBe('Đã vá ổ gà');
    expect(mine[3].updated_datetime).toMatch(/\+07:00$/);
  });

  it('GET servicerequestupdates.xml: service_request_updates > request_update, element by element', async () => {
    const doc = (await o311.get(`servicerequestupdates.xml?start_date=${encodeURIComponent(startedAt)}`)).xml();
    const last = doc.service_request_updates.request_update.at(-1);
    expect(Object.keys(last)).toEqual([
      'update_id',
      'service_request_id',
      'status',
      'updated_datetime',
      'description',
      'media_url',
    ]);
    expect(last).toMatchObject({ service_request_id: code, status: 'fixed', description: 'Đã vá ổ gà', media_url: '' });
    const none = (
      await o311.get('servicerequestupdates.xml?start_date=2099-01-01T00:00:00Z&end_date=2099-01-02T00:00:00Z')
    ).xml();
    expect(none.service_request_updates).toBe('');
  });

  it('POST servicerequestupdates stores the comment once per update_id, in both formats', async () => {
    const update = {
      api_key: apiKey,
      service_request_id: code,
      update_id: 'fms-77',
      status: 'OPEN',
      description: 'Vẫn còn ổ gà',
      updated_datetime: '2026-12-05T10:00:00+07:00',
      first_name: 'Lan',
    };
    const first = await o311.post('servicerequestupdates.json', update);
    expect(first.status).toBe(200);
    expect(open311SchemaErrors('postUpdate', first.json())).toEqual([]);
    const again = (await o311.post('servicerequestupdates.xml', update)).xml();
    expect(again.service_request_updates.request_update[0].update_id).toBe(first.json()[0].update_id);
    const { rows } = await app.db.query('SELECT status, description, author_name FROM open311_request_updates');
    expect(rows).toEqual([{ status: 'open', description: 'Vẫn còn ổ gà', author_name: 'Lan' }]);
    const { rows: report } = await app.db.query('SELECT status FROM reports WHERE tracking_code = $1', [code]);
    expect(report[0].status).toBe('resolved');
  });

  it.each([
    ['json', { service_request_id: 'TH-0000-NOPE' }, 404, 'TH-0000-NOPE'],
    ['xml', { api_key: undefined }, 403, 'api_key'],
    ['json', { update_id: undefined }, 400, 'update_id'],
    ['xml', { updated_datetime: 'today' }, 400, 'updated_datetime'],
  ] as const)('POST servicerequestupdates.%s with %j answers %i naming %s', async (format, change, status, what) => {
    const res = await o311.post(`servicerequestupdates.${format}`, {
      api_key: apiKey,
      service_request_id: code,
      update_id: 'x-1',
      status: 'open',
      description: 'Bình luận',
      updated_datetime: '2026-12-05T10:00:00+07:00',
      ...change,
    });
    expect(res.status).toBe(status);
    const descriptions =
      format === 'xml'
        ? res.xml().errors.error.map((e: any) => e.description)
        : res.json().map((e: { description: string }) => e.description);
    expect(descriptions.join(' ')).toContain(what);
  });

  it('GET servicerequestupdates with a bad date is a 400', async () => {
    const res = await o311.get('servicerequestupdates.json?start_date=last-week');
    expect(res.status).toBe(400);
    expect(res.json()[0].description).toContain('start_date');
  });
});
