// A power company's cut schedule imported as scheduled outage alerts: names or codes, rows checked first,
// each publishing itself at the lead time (the sweep) and expiring at the end of the cut.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepAlerts } from '../../commands/sweep-alerts.ts';
import { startDispatchApp, type Caller, type DispatchApp } from '../../test-support/dispatch-app.ts';

const local = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' '); // the province's clock
const hour = 3_600_000;

describe('outage schedule import', () => {
  let app: DispatchApp;
  let admin: Caller;
  beforeAll(async () => {
    app = await startDispatchApp();
    admin = await app.login('admin');
  });
  afterAll(() => app?.close());

  it('imports rows by commune name (with or without diacritics) or code, publishing at the lead time', async () => {
    const now = Date.now();
    const csv = [
      'Khu vực,Bắt đầu,Kết thúc,Lý do',
      `Phường Hạc Thành;15925,${local(new Date(now + 3 * hour))},${local(new Date(now + 5 * hour))},Bảo dưỡng đường dây 35kV`,
      `ham rong,${local(new Date(now + 30 * 60_000))},${local(new Date(now + 2 * hour))},"Thay máy biến áp, trạm T3"`,
    ].join('\n');
    const res = await admin.post('/api/v1/alerts/outages', { csv, utility: 'power', leadMinutes: 60 });
    expect(res.status).toBe(201);
    // The first cut starts in 3 h: scheduled for 2 h from now. The second starts within the lead time: out at once.
    expect(res.body.alerts.map((a: { state: string }) => a.state)).toEqual(['scheduled', 'published']);
    const [later, soon] = res.body.alerts as { id: string; publishAt: string }[];
    expect(Math.abs(Date.parse(later.publishAt) - (now + 2 * hour))).toBeLessThan(60_000);
    const rows = await app.db.query<{ area_codes: string[]; category: string; source: string; body: string }>(
      'SELECT area_codes, category, source, body FROM alerts WHERE id = ANY($1) ORDER BY id',
      [[later.id, soon.id]],
    );
    expect(rows.rows.map((r) => r.area_codes)).toEqual([['14797', '15925'], ['14758']]);
    expect(rows.rows[0]).toMatchObject({ category: 'outage', source: 'schedule:power' });
    expect(rows.rows[1].body).toContain('Thay máy biến áp, trạm T3');

    expect((await sweepAlerts(app.db, new Date(now + 2 * hour + 1000))).published).toBe(1);
    const published = await app.anonymous.get(`/api/v1/alerts/${later.id}`);
    expect(published.body.state).toBe('published');
  });

  it('names every bad row and writes nothing', async () => {
    const before = await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM alerts');
    const csv = [
      'area,start,end,reason',
      'Không Có Xã Này,2030-01-01 08:00,2030-01-01 10:00,x',
      'dong tien,2030-01-01 08:00,2030-01-01 10:00,x', // Xã Đồng Tiến and Phường Đông Tiến
      '14797,tomorrow,2030-01-01 10:00,x',
      '14797,2030-01-01 08:00,2030-01-01 07:00,x',
    ].join('\n');
    const res = await admin.post('/api/v1/alerts/outages', { csv, utility: 'water' });
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toEqual([
      {
        field: 'rows.1.area',
        reason: "unknown commune 'Không Có Xã Này'",
        reasonVi: "không có xã/phường 'Không Có Xã Này'",
      },
      {
        field: 'rows.2.area',
        reason: "'dong tien' names several communes: use the code",
        reasonVi: "'dong tien' trùng tên nhiều xã/phường: hãy dùng mã",
      },
      {
        field: 'rows.3.start',
        reason: 'must be a time YYYY-MM-DD HH:MM',
        reasonVi: 'phải là thời điểm dạng YYYY-MM-DD HH:MM',
      },
      { field: 'rows.4.end', reason: 'must be after start', reasonVi: 'phải sau start' },
    ]);
    const after = await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM alerts');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });
});
