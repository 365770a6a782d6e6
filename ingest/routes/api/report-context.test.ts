// The context beside a report: the place in words, the reporter's other reports (desk only), the citizen's
// rating and reopening, and canned replies kept by supervisors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDispatchApp, type DispatchApp } from '../../test-support/dispatch-app.ts';

type Client = Awaited<ReturnType<DispatchApp['login']>>;
// Beside Bệnh viện đa khoa Hợp Lực (OSM, shipped in sql/data/vn/poi).
const NEAR_HOSPITAL = { lat: 19.8279, lng: 105.779 };

describe('GET /api/v1/reports/:id/context', () => {
  let app: DispatchApp;
  let dispatcher: Client;
  let supervisor: Client;
  beforeAll(async () => {
    app = await startDispatchApp();
    dispatcher = await app.login('dispatcher');
    supervisor = await app.login('supervisor');
  });
  afterAll(async () => app?.close());

  it('names the commune and the nearest named place, with the coordinates', async () => {
    const id = await app.createReport({ category: 'road', ...NEAR_HOSPITAL });
    const res = await dispatcher.get(`/api/v1/reports/${id}/context`);
    expect(res.status).toBe(200);
    expect(res.body.address.commune).toMatch(/^Phường /);
    expect(res.body.address.nearest).toMatchObject({ name: 'Bệnh viện đa khoa Hợp Lực', kind: 'hospital' });
    expect(res.body.address.nearest.distanceM).toBeLessThan(100);
    expect(res.body).toMatchObject(NEAR_HOSPITAL);
  });

  it("lists the reporter's other reports for the desk only, and never for an anonymous report", async () => {
    const phone = (p: string) => ({ reporter: { name: 'Lê Văn Tám', phone: p } });
    const first = await app.createReport({ category: 'rubbish', ...phone('0912 000 111') });
    const second = await app.createReport({ category: 'road', ...phone('+84912000111') });
    const third = await app.createReport({ category: 'lighting', ...phone('0912000111') });
    const body = (await dispatcher.get(`/api/v1/reports/${third}/context`)).body;
    expect(body.reporterHistory.count).toBe(2);
    expect(body.reporterHistory.recent.map((r: { id: string }) => r.id).sort()).toEqual([first, second].sort());
    const anonymous = await app.createReport({
      category: 'road',
      reporter: { name: 'Lê Văn Tám', phone: '0912000111', anonymous: true },
    });
    expect((await dispatcher.get(`/api/v1/reports/${anonymous}/context`)).body.reporterHistory).toBeNull();
    const agency = await app.login('agency');
    await app.db.query("UPDATE reports SET agency_id = 'so-xay-dung' WHERE id = $1", [second]);
    const seen = await agency.get(`/api/v1/reports/${second}/context`);
    expect(seen.status).toBe(200);
    expect(seen.body.reporterHistory).toBeNull();
    expect((await agency.get(`/api/v1/reports/${first}/context`)).status).toBe(403);
  });

  it("shows the citizen's rating and reopening when there are some", async () => {
    const id = await app.createReport();
    expect((await dispatcher.get(`/api/v1/reports/${id}/context`)).body).toMatchObject({
      rating: null,
      reopenedByReporter: null,
    });
    await app.db.query("INSERT INTO report_ratings (report_id, stars, comment) VALUES ($1, 2, 'Chưa sửa xong')", [id]);
    await app.db.query(
      `INSERT INTO report_timeline (report_id, actor_name, actor_role, from_status, to_status, reason)
       VALUES ($1, 'Người phản ánh', 'reporter', 'resolved', 'reopened', 'Vẫn còn ổ gà')`,
      [id],
    );
    const body = (await dispatcher.get(`/api/v1/reports/${id}/context`)).body;
    expect(body.rating).toMatchObject({ stars: 2, comment: 'Chưa sửa xong' });
    expect(body.reopenedByReporter).toMatchObject({ reason: 'Vẫn còn ổ gà' });
  });

  it('offers canned replies of the category, kept by supervisors and audited', async () => {
    const text = 'Đơn vị vệ sinh môi trường đã thu gom rác tại điểm anh/chị phản ánh. Xin cảm ơn.';
    expect((await dispatcher.post('/api/v1/canned-replies', { category: 'rubbish', text })).status).toBe(403);
    const added = await supervisor.post('/api/v1/canned-replies', { category: 'rubbish', text });
    expect(added.status).toBe(201);
    expect((await supervisor.post('/api/v1/canned-replies', { category: 'nope', text })).status).toBe(422);
    const rubbish = await app.createReport({ category: 'rubbish' });
    const road = await app.createReport({ category: 'road' });
    const texts = async (id: string) =>
      (await dispatcher.get(`/api/v1/reports/${id}/context`)).body.cannedReplies.map((c: { text: string }) => c.text);
    expect(await texts(rubbish)).toContain(text);
    expect(await texts(road)).not.toContain(text);
    expect((await supervisor.post(`/api/v1/canned-replies/${added.body.id}/delete`, {})).status).toBe(204);
    expect(await texts(rubbish)).not.toContain(text);
    const audit = (await supervisor.get('/api/v1/admin/audit?entity=canned_reply')).body.entries;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['delete', 'add']);
  });
});
