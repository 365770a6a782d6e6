// The differencing attack on sensitive categories: the public reads before and after one live security report and
// must learn nothing about it, not its row, not its area, not a count that moved. Staff still see it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellsDTO, PublicReportDTO, StaffReportDTO } from './presenters/dto.ts';
import { startDispatchApp, type DispatchApp } from './test-support/dispatch-app.ts';

const SPOT = { category: 'security', description: 'Tụ tập gây rối', lat: 19.8075, lng: 105.7766 };

describe('sensitive categories against differencing', () => {
  let app: DispatchApp;
  const backdate = async (ids: string[], days: number) => {
    await app.db.query('SELECT apply_report_rollups()');
    await app.db.query(`UPDATE reports SET created_at = created_at - make_interval(days => $2) WHERE id = ANY($1)`, [
      ids,
      days,
    ]);
  };
  // A new query string each time, so the answer is never one shared for a second with an earlier identical ask.
  let asked = 0;
  const publicSensitive = async () =>
    ((await app.anonymous.get(`/api/v1/cells?res=7&bbox=105.6,19.7,105.9,19.9&n=${asked++}`)).body as CellsDTO)
      .sensitive;

  beforeAll(async () => {
    app = await startDispatchApp();
    const old = await Promise.all(Array.from({ length: 8 }, () => app.createReport(SPOT)));
    await backdate(old, 3);
  });
  afterAll(async () => app?.close());

  it('one new live report changes no public answer: no row, no 200 by id, no count that moves', async () => {
    const before = await publicSensitive();
    expect(before?.cells.map((c) => c.count)).toEqual([8]);
    expect(before?.cells[0].cell).toMatch(/^87/);
    expect(before?.asOf).toEqual(expect.any(String));
    const list = async () => JSON.stringify((await app.anonymous.get('/api/v1/reports?limit=5000')).body);

    const id = await app.createReport({ ...SPOT, description: 'người tố cáo ở nhà số 5' });
    expect(await publicSensitive()).toEqual(before);
    expect(await list()).not.toContain(`"id":"${id}"`);
    expect((await app.anonymous.get(`/api/v1/reports/${id}`)).status).toBe(404);
    const rows = (await app.anonymous.get('/api/v1/reports?limit=5000')).body as { reports: PublicReportDTO[] };
    expect(rows.reports.some((r) => r.category === 'security')).toBe(false);
    // The desk still has it in full.
    const desk = await app.login('dispatcher');
    expect(((await desk.get(`/api/v1/reports/${id}`)).body as StaffReportDTO).description).toContain('nhà số 5');
  });

  it('Open311 lists, finds and updates no sensitive report either', async () => {
    const id = await app.createReport(SPOT);
    const desk = await app.login('dispatcher');
    expect((await desk.post(`/api/v1/reports/${id}/transitions`, { to: 'triaged' })).status).toBe(200);
    const { rows } = await app.db.query<{ code: string }>('SELECT tracking_code AS code FROM reports WHERE id = $1', [
      id,
    ]);
    const code = rows[0].code;
    const list = await fetch(`${app.url}/open311/v2/requests.json?service_request_id=${code}`);
    expect(await list.text()).not.toContain(code);
    expect((await fetch(`${app.url}/open311/v2/requests/${code}.json`)).status).toBe(404);
    const updates = await fetch(`${app.url}/open311/v2/servicerequestupdates.json`);
    expect(updates.status).toBe(200);
    expect(await updates.text()).not.toContain(code);
    const ancient = await fetch(`${app.url}/open311/v2/requests.json?start_date=0000-01-01T00:00:00Z`);
    expect(ancient.status).toBe(400);
  });

  it('a closed day with fewer than k reports is not published on its own', async () => {
    const before = await publicSensitive();
    const lone = await app.createReport(SPOT);
    await backdate([lone], 1);
    expect(await publicSensitive()).toEqual(before);
    // Two more that day make a batch of k = 3: now the next batch closes, and all three are counted together.
    const more = await Promise.all([app.createReport(SPOT), app.createReport(SPOT)]);
    await backdate(more, 1);
    const after = await publicSensitive();
    expect(after?.cells[0].count).toBe(before!.cells[0].count + 3);
  });

  it('the wall display sees staff detail but never the reporter contact', async () => {
    const id = await app.createReport({ ...sampleWithReporter() });
    const wall = (await app.kiosk.get(`/api/v1/reports/${id}`)).body as StaffReportDTO;
    expect(wall.description).toBeDefined();
    expect(wall.reporter).toMatchObject({ name: null, phone: null });
    const desk = await app.login('dispatcher');
    expect(((await desk.get(`/api/v1/reports/${id}`)).body as StaffReportDTO).reporter.phone).toBe('0912345678');
    expect(JSON.stringify((await app.kiosk.get('/api/v1/reports')).body)).not.toContain('0912345678');
  });
});

function sampleWithReporter() {
  return {
    category: 'road',
    description: 'Ổ gà',
    lat: 19.8075,
    lng: 105.7766,
    reporter: { name: 'Nguyễn Văn A', phone: '0912345678' },
  };
}
