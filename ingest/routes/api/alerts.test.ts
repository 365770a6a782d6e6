// Alerts over HTTP on a real database: validation, the two-person rule, versions, CAP 1.2 against the XSD, Atom.
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERT_CATEGORY_CODES } from '../../../domain/alert-vocabulary.ts';
import { sweepAlerts } from '../../commands/sweep-alerts.ts';
import { THREE_COMMUNES, sampleAlert } from '../../test-support/alerts.ts';
import { capSchemaErrors } from '../../test-support/cap-schema.ts';
import { startDispatchApp, type Caller, type DispatchApp } from '../../test-support/dispatch-app.ts';

const hour = 3_600_000;

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

describe('alerts API', () => {
  let app: DispatchApp;
  let admin: Caller;
  let supervisor: Caller;
  beforeAll(async () => {
    app = await startDispatchApp();
    admin = await app.login('admin');
    supervisor = await app.login('supervisor');
  });
  afterAll(() => app?.close());

  const cap = async (id: string) => {
    const res = await fetch(`${app.url}/api/v1/alerts/${id}.cap`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/cap\+xml/);
    return res.text();
  };

  it('publishes an alert on three communes with a compact H3 cover, appends the event, and lists it', async () => {
    const res = await admin.post('/api/v1/alerts', sampleAlert());
    expect(res.status).toBe(201);
    expect(res.body.state).toBe('published');
    const { rows } = await app.db.query<{ cells: string[]; area_codes: string[] }>(
      'SELECT cells, area_codes FROM alerts WHERE id = $1',
      [res.body.id],
    );
    expect(rows[0].area_codes).toEqual(THREE_COMMUNES);
    const resolutions = new Set(rows[0].cells.map((c) => parseInt(c[1], 16)));
    expect([...resolutions].every((r) => r >= 7 && r <= 9)).toBe(true);
    const events = await app.db.query<{ payload: { alertId: string; change: string; cells: string[] } }>(
      `SELECT payload FROM events WHERE kind = 'alert' ORDER BY id DESC LIMIT 1`,
    );
    expect(events.rows[0].payload).toMatchObject({ alertId: res.body.id, change: 'published' });
    const list = await app.anonymous.get('/api/v1/alerts');
    expect(list.body.alerts.map((a: { id: string }) => a.id)).toContain(res.body.id);
    expect(list.body.alerts[0].desk).toBeUndefined(); // who published is not public
    const elsewhere = await app.anonymous.get('/api/v1/alerts?bbox=104.9,20.3,105.0,20.4');
    expect(elsewhere.body.alerts.map((a: { id: string }) => a.id)).not.toContain(res.body.id);
  });

  it('names each bad field in a 422 and writes nothing', async () => {
    const before = await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM alerts');
    const res = await admin.post(
      '/api/v1/alerts',
      sampleAlert({ category: 'storm', severity: 'Huge', area: { communes: ['14797', '99999'] }, title: '' }),
    );
    expect(res.status).toBe(422);
    const fields = res.body.error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['category', 'severity', 'title']));
    const unknownCommune = await admin.post('/api/v1/alerts', sampleAlert({ area: { communes: ['14797', '99999'] } }));
    expect(unknownCommune.status).toBe(422);
    expect(unknownCommune.body.error.fields).toEqual([
      { field: 'area.communes.1', reason: "unknown commune code '99999'", reasonVi: "không có xã/phường mã '99999'" },
    ]);
    const twoShapes = await admin.post(
      '/api/v1/alerts',
      sampleAlert({ area: { communes: ['14797'], circle: { lat: 19.8, lng: 105.77, radiusM: 500 } } }),
    );
    expect(twoShapes.status).toBe(422);
    expect(twoShapes.body.error.fields[0].field).toBe('area');
    const backwards = await admin.post(
      '/api/v1/alerts',
      sampleAlert({ expires: new Date(Date.now() - hour).toISOString() }),
    );
    expect(backwards.body.error.fields.map((f: { field: string }) => f.field)).toContain('expires');
    const after = await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM alerts');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('holds a Severe alert until a second publisher approves it: its author cannot', async () => {
    const res = await admin.post('/api/v1/alerts', sampleAlert({ severity: 'Severe', category: 'flood' }));
    expect(res.status).toBe(201);
    expect(res.body.state).toBe('pending_approval');
    expect((await app.anonymous.get('/api/v1/alerts')).body.alerts.map((a: { id: string }) => a.id)).not.toContain(
      res.body.id,
    );
    expect((await app.anonymous.get(`/api/v1/alerts/${res.body.id}`)).status).toBe(404);
    const self = await admin.post(`/api/v1/alerts/${res.body.id}/approve`, {});
    expect(self.status).toBe(403);
    expect(self.body.error.code).toBe('two_person_rule');
    const dispatcher = await app.login('dispatcher');
    expect((await dispatcher.post(`/api/v1/alerts/${res.body.id}/approve`, {})).status).toBe(403);
    const second = await supervisor.post(`/api/v1/alerts/${res.body.id}/approve`, {});
    expect(second.status).toBe(200);
    expect(second.body.state).toBe('published');
    expect((await supervisor.post(`/api/v1/alerts/${res.body.id}/approve`, {})).status).toBe(409);
  });

  it('updates as a new version referencing the old and cancels with a CAP Cancel; nothing is deleted', async () => {
    const first = await admin.post('/api/v1/alerts', sampleAlert({ category: 'outage' }));
    const update = await admin.post(
      `/api/v1/alerts/${first.body.id}/update`,
      sampleAlert({
        category: 'outage',
        title: 'Cắt điện kéo dài',
        area: { circle: { lat: 19.8, lng: 105.78, radiusM: 1500 } },
      }),
    );
    expect(update.status).toBe(201);
    expect(update.body.references).toBe(first.body.id);
    const old = await app.anonymous.get(`/api/v1/alerts/${first.body.id}`);
    expect(old.body.state).toBe('superseded');
    const active = (await app.anonymous.get('/api/v1/alerts')).body.alerts.map((a: { id: string }) => a.id);
    expect(active).toContain(update.body.id);
    expect(active).not.toContain(first.body.id);
    expect((await admin.post(`/api/v1/alerts/${first.body.id}/update`, sampleAlert())).status).toBe(409);

    const cancel = await admin.post(`/api/v1/alerts/${update.body.id}/cancel`, { note: 'Đã khôi phục điện' });
    expect(cancel.status).toBe(200);
    expect(cancel.body.msgType).toBe('Cancel');
    const after = (await app.anonymous.get('/api/v1/alerts')).body.alerts.map((a: { id: string }) => a.id);
    expect(after).not.toContain(update.body.id);
    const kept = await app.db.query<{ state: string }>('SELECT state FROM alerts WHERE id = ANY($1) ORDER BY id', [
      [first.body.id, update.body.id, cancel.body.id],
    ]);
    expect(kept.rows.map((r) => r.state)).toEqual(['superseded', 'cancelled', 'published']);

    const updateCap = await cap(update.body.id);
    expect(capSchemaErrors(updateCap)).toBe('');
    const parsed = xml.parse(updateCap).alert;
    expect(parsed.msgType).toBe('Update');
    expect(parsed.references).toMatch(new RegExp(`,hientruong-alert-${first.body.id},`));
    const cancelCap = await cap(cancel.body.id);
    expect(capSchemaErrors(cancelCap)).toBe('');
    expect(xml.parse(cancelCap).alert.msgType).toBe('Cancel');
  });

  it('a second update while one waits is a 409; cancelling withdraws the waiting update', async () => {
    const first = await admin.post('/api/v1/alerts', sampleAlert());
    const waiting = await admin.post(`/api/v1/alerts/${first.body.id}/update`, sampleAlert({ severity: 'Severe' }));
    expect(waiting.body.state).toBe('pending_approval');
    const again = await admin.post(`/api/v1/alerts/${first.body.id}/update`, sampleAlert());
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('update_pending');
    expect((await admin.post(`/api/v1/alerts/${first.body.id}/cancel`, {})).status).toBe(200);
    expect((await app.anonymous.get(`/api/v1/alerts/${first.body.id}`)).body.state).toBe('cancelled');
    expect((await supervisor.post(`/api/v1/alerts/${waiting.body.id}/approve`, {})).status).toBe(409);
  });

  it.each(ALERT_CATEGORY_CODES)('writes a schema-valid CAP 1.2 message for category %s', async (category) => {
    const res = await admin.post('/api/v1/alerts', sampleAlert({ category }));
    const doc = await cap(res.body.id);
    expect(capSchemaErrors(doc)).toBe('');
    const alert = xml.parse(doc).alert;
    expect(alert['@xmlns']).toBe('urn:oasis:names:tc:emergency:cap:1.2');
    expect(alert.msgType).toBe('Alert');
    const infos = alert.info as { language: string; area: { geocode: { value: string }[]; polygon: unknown } }[];
    expect(infos.map((i) => i.language)).toEqual(['vi-VN', 'en-US']);
    expect(infos[0].area.geocode.map((g) => String(g.value))).toEqual(THREE_COMMUNES);
    expect(infos[0].area.polygon).toBeDefined();
  });

  it('the schema check itself rejects a broken message', () => {
    expect(capSchemaErrors('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><sender>x</sender></alert>')).not.toBe(
      '',
    );
  });

  it('serves active alerts as an Atom feed linking to their CAP messages; expiry removes them', async () => {
    const soon = await admin.post(
      '/api/v1/alerts',
      sampleAlert({ title: 'Sắp hết hạn', expires: new Date(Date.now() + 1500).toISOString() }),
    );
    const res = await fetch(`${app.url}/api/v1/alerts.atom`);
    expect(res.headers.get('content-type')).toMatch(/application\/atom\+xml/);
    const feed = xml.parse(await res.text()).feed;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    const entries = [feed.entry].flat() as { link: { '@href': string; '@type': string } }[];
    const link = entries.find((e) => e.link['@href'].endsWith(`/api/v1/alerts/${soon.body.id}.cap`));
    expect(link?.link['@type']).toBe('application/cap+xml');
    expect(capSchemaErrors(await (await fetch(link!.link['@href'])).text())).toBe('');

    await new Promise((r) => setTimeout(r, 1600));
    expect((await app.anonymous.get('/api/v1/alerts')).body.alerts.map((a: { id: string }) => a.id)).not.toContain(
      soon.body.id,
    );
    expect((await sweepAlerts(app.db)).expired).toBeGreaterThanOrEqual(1);
    const expired = await app.db.query<{ payload: { alertId: string } }>(
      `SELECT payload FROM events WHERE kind = 'alert' AND payload->>'change' = 'expired'`,
    );
    expect(expired.rows.map((r) => r.payload.alertId)).toContain(soon.body.id);
    expect((await sweepAlerts(app.db)).expired).toBe(0); // announced once
  });
});
