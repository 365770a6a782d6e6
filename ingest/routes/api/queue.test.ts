// The whole queue over HTTP on a real database: paging with an exact total, search, bulk actions, saved filters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDispatchApp, type DispatchApp } from '../../test-support/dispatch-app.ts';

type Dispatcher = Awaited<ReturnType<DispatchApp['login']>>;

/** Inserts `n` reports in one statement (same created_at, so equal deadlines: the id must break the tie). */
async function insertReports(app: DispatchApp, n: number, category = 'rubbish'): Promise<string[]> {
  const { rows } = await app.db.query<{ id: string }>(
    `INSERT INTO reports (category, description, lat, lng, h3_cell, area_code, status)
     SELECT $2, 'Phản ánh số ' || g, 19.8 + g * 1e-5, 105.77, 0, '14797', 'received' FROM generate_series(1, $1) g
     RETURNING id::text`,
    [n, category],
  );
  return rows.map((r) => r.id);
}

async function openIds(app: DispatchApp): Promise<string[]> {
  const { rows } = await app.db.query<{ id: string }>(
    "SELECT id::text FROM reports WHERE status IN ('received','triaged','reopened','assigned','in_progress','resolved')",
  );
  return rows.map((r) => r.id);
}

describe('the whole queue', () => {
  let app: DispatchApp;
  let dispatcher: Dispatcher;
  beforeAll(async () => {
    app = await startDispatchApp();
    dispatcher = await app.login('dispatcher');
  });
  afterAll(async () => app?.close());

  it.each(['deadline', 'age', 'priority'])(
    'pages through 1,200+ open reports exactly once with the right total while reports keep arriving (sort=%s)',
    async (sort) => {
      if ((await openIds(app)).length < 1200) {
        await insertReports(app, 700);
        await insertReports(app, 500, 'flooding');
      }
      const expected = await openIds(app);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await dispatcher.get(
          `/api/v1/queue?sort=${sort}&limit=250${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body.total).toBe(expected.length);
        seen.push(...res.body.items.map((i: { id: string }) => i.id));
        cursor = res.body.nextCursor;
        // Concurrent intake between pages: new reports wait for the next first page instead of shifting this one.
        await Promise.all([insertReports(app, 7), app.createReport()]);
        pages++;
      } while (cursor && pages < 50);
      expect(seen.length).toBe(expected.length);
      expect(new Set(seen).size).toBe(seen.length);
      expect([...seen].sort()).toEqual([...expected].sort());
      // A fresh first page counts what arrived meanwhile.
      expect((await dispatcher.get('/api/v1/queue?limit=1')).body.total).toBe((await openIds(app)).length);
    },
  );

  it('refuses a cursor that is not one, and a cursor of another sort', async () => {
    const first = await dispatcher.get('/api/v1/queue?limit=1&sort=age');
    const bad = await dispatcher.get('/api/v1/queue?cursor=nonsense');
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields[0].field).toBe('cursor');
    expect((await dispatcher.get(`/api/v1/queue?sort=deadline&cursor=${first.body.nextCursor}`)).status).toBe(422);
    const forged = Buffer.from(JSON.stringify({ sort: 'age', keys: ['yesterday-ish'], id: '1', asOf: '9' })).toString(
      'base64url',
    );
    expect((await dispatcher.get(`/api/v1/queue?sort=age&cursor=${forged}`)).status).toBe(422);
  });

  it('finds a report by words typed without diacritics, by tracking code and by phone', async () => {
    const id = await app.createReport({
      category: 'rubbish',
      description: 'Rác thải đổ trộm cạnh đường Nguyễn Trãi, bốc mùi',
      reporter: { name: 'Lê Thị Hoa', phone: '0912 345 678' },
    });
    const find = async (q: string) =>
      (await dispatcher.get(`/api/v1/queue?q=${encodeURIComponent(q)}`)).body.items.map((i: { id: string }) => i.id);
    expect(await find('rac thai duong nguyen trai')).toContain(id);
    expect(await find('RÁC THẢI')).toContain(id);
    expect(await find('rac thai duong le loi')).not.toContain(id);
    const code = (await dispatcher.get(`/api/v1/reports/${id}/dispatch`)).body.code as string;
    expect(await find(code)).toEqual([id]);
    expect(await find('+84 912 345 678')).toContain(id);
    expect(await find('0912345678')).toContain(id);
    expect(await find('0912345679')).not.toContain(id);
  });

  it('bulk-triages 50 reports in one transaction: 50 timeline entries and 50 events', async () => {
    const ids = await insertReports(app, 50);
    const res = await dispatcher.post('/api/v1/queue/bulk/transition', { ids, to: 'triaged', note: 'ca sáng' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items.map((i: { status: string }) => i.status)).toEqual(Array(50).fill('triaged'));
    const timeline = await app.db.query<{ n: number; at: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT at)::int AS at FROM report_timeline
        WHERE report_id = ANY($1::bigint[]) AND to_status = 'triaged' AND internal_note = 'ca sáng'`,
      [ids],
    );
    const events = await app.db.query<{ n: number; xids: number; reports: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT xid)::int AS xids, count(DISTINCT report_id)::int AS reports
         FROM events WHERE kind = 'report.updated' AND report_id = ANY($1::bigint[])`,
      [ids],
    );
    expect(timeline.rows[0]).toEqual({ n: 50, at: 1 });
    expect(events.rows[0]).toEqual({ n: 50, xids: 1, reports: 50 });
  });

  it('changes nothing when one report of the batch cannot move, and names it', async () => {
    const ids = await insertReports(app, 5);
    await app.db.query("UPDATE reports SET status = 'closed' WHERE id = $1", [ids[3]]);
    const res = await dispatcher.post('/api/v1/queue/bulk/transition', { ids, to: 'triaged' });
    expect(res.status).toBe(409);
    expect(res.body.error.fields).toEqual([
      { field: 'ids.3', reason: expect.stringContaining('closed'), reasonVi: expect.stringContaining('closed') },
    ]);
    const { rows } = await app.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM reports WHERE id = ANY($1::bigint[]) AND status = 'triaged'",
      [ids],
    );
    expect(rows[0].n).toBe(0);
  });

  it('bulk-rejects only with a reason', async () => {
    const ids = await insertReports(app, 3);
    const missing = await dispatcher.post('/api/v1/queue/bulk/transition', { ids, to: 'rejected' });
    expect(missing.status).toBe(422);
    expect(missing.body.error.messageVi).toContain('lý do');
    const res = await dispatcher.post('/api/v1/queue/bulk/transition', { ids, to: 'rejected', reason: 'spam' });
    expect(res.status).toBe(200);
    expect(res.body.items.every((i: { rejectReason: string }) => i.rejectReason === 'spam')).toBe(true);
  });

  it('bulk-merges reports into one incident; self-merge and cycles get 409', async () => {
    const [into, ...dups] = await insertReports(app, 4);
    const res = await dispatcher.post('/api/v1/queue/bulk/merge', { ids: dups, into });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.primary).toMatchObject({ id: into, incidentSize: 4 });
    expect((await dispatcher.post('/api/v1/queue/bulk/merge', { ids: [into], into: dups[0] })).status).toBe(409);
    const [a, b] = await insertReports(app, 2);
    expect((await dispatcher.post(`/api/v1/reports/${a}/merge`, { into: `0${a}` })).status).toBe(409);
    expect((await dispatcher.post(`/api/v1/reports/${a}/merge`, { into: a })).status).toBe(409);
    expect((await dispatcher.post(`/api/v1/reports/${a}/merge`, { into: b })).status).toBe(200);
    // b now leads the incident a joined: b into a would be b into itself.
    const cycle = await dispatcher.post(`/api/v1/reports/${b}/merge`, { into: a });
    expect(cycle.status).toBe(409);
    expect(cycle.body.error.code).toBe('merge_cycle');
    expect((await dispatcher.get(`/api/v1/reports/${b}/dispatch`)).body.status).toBe('received');
  });

  it('keeps saved filters per account', async () => {
    const other = await app.login('dispatcher2');
    const saved = await dispatcher.post('/api/v1/queue/filters', {
      name: 'Ngập ở Hạc Thành',
      query: { category: 'flooding', sort: 'priority' },
    });
    expect(saved.status).toBe(201);
    expect((await dispatcher.get('/api/v1/queue/filters')).body.filters).toEqual([saved.body]);
    expect((await other.get('/api/v1/queue/filters')).body.filters).toEqual([]);
    expect((await other.del(`/api/v1/queue/filters/${saved.body.id}`)).status).toBe(404);
    expect((await dispatcher.post('/api/v1/queue/filters', { name: 'x', query: { nope: '1' } })).status).toBe(422);
    expect((await dispatcher.del(`/api/v1/queue/filters/${saved.body.id}`)).status).toBe(204);
    expect((await dispatcher.get('/api/v1/queue/filters')).body.filters).toEqual([]);
  });

  it('exports the filtered queue as CSV with a BOM and as GeoJSON, without reporter contact', async () => {
    const id = await app.createReport({
      category: 'encroachment',
      description: '=HYPERLINK("x") Lấn chiếm vỉa hè đường Bà Triệu',
      reporter: { name: 'Trần Văn Bình', phone: '0987 654 321' },
    });
    const q = encodeURIComponent('lan chiem ba trieu');
    const res = await fetch(`${app.url}/api/v1/queue/export.csv?q=${q}`, { headers: { cookie: dispatcher.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toContain('"Mã","Trạng thái","Lĩnh vực"');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Lấn chiếm vỉa hè');
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")`);
    expect(text).not.toContain('0987');
    expect(text).not.toContain('Trần Văn Bình');
    const geo = await dispatcher.get(`/api/v1/queue/export.geojson?q=${q}`);
    expect(geo.body.features).toHaveLength(1);
    expect(geo.body.features[0]).toMatchObject({ id, geometry: { type: 'Point' } });
    const all = await dispatcher.get('/api/v1/queue/export.geojson?category=encroachment');
    expect(all.body.features.length).toBe(
      (await dispatcher.get('/api/v1/queue?category=encroachment&limit=1')).body.total,
    );
  });
});
