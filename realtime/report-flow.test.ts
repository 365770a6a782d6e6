// The whole path on a real Postgres: POST -> row + event -> notice in the staff and the public room.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningProduct } from '../main.ts';
import type { TestDatabase } from '../sql/test-support/db.ts';
import { recordingClient, type RecordingClient } from './test-support/feed-client.ts';
import { startTestProduct, type TestProduct } from './test-support/test-product.ts';

const report = {
  category: 'flooding',
  description: 'Ngập sâu trước cổng trường',
  lat: 19.8075,
  lng: 105.7766,
  reporter: { name: 'Trần Thị Bình', phone: '0987654321' },
};

async function post(product: RunningProduct, body: unknown) {
  const res = await fetch(`${product.url}/api/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

describe('a report travels from the API to both rooms', () => {
  let running: TestProduct;
  let test: TestDatabase;
  let product: RunningProduct;
  let staff: RecordingClient;
  let pub: RecordingClient;

  beforeAll(async () => {
    running = await startTestProduct();
    ({ test, product } = running);
    staff = recordingClient(product.url, { token: product.operatorToken });
    pub = recordingClient(product.url, { token: 'wrong-token' });
    expect((await staff.hello).audience).toBe('staff');
    expect((await pub.hello).audience).toBe('public');
  });
  afterAll(async () => {
    staff?.close();
    pub?.close();
    await running?.stop();
  });

  it('stores the row and its event in one go, and announces it to staff and public', async () => {
    const created = await post(product, report);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code: expect.stringMatching(/^TH-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/),
      area: { code: '14797', name: 'Phường Hạc Thành' },
    });
    const { rows } = await test.pool.query(
      'SELECT r.reporter_name, e.kind, e.payload FROM reports r JOIN events e ON e.report_id = r.id WHERE r.id = $1',
      [created.body.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ reporter_name: 'Trần Thị Bình', kind: 'report.created' });

    await staff.waitFor((ns) => ns.some((n) => n.reportId === created.body.id));
    await pub.waitFor((ns) => ns.some((n) => n.reportId === created.body.id));
    const staffNotice = staff.notices.find((n) => n.reportId === created.body.id)!;
    const publicNotice = pub.notices.find((n) => n.reportId === created.body.id)!;
    expect(staffNotice.cell).toBe(created.body.cell);
    expect(publicNotice.cell).not.toBe(created.body.cell);
    const publicText = JSON.stringify(pub.notices);
    for (const secret of ['Trần Thị Bình', '0987654321', 'Ngập sâu']) expect(publicText).not.toContain(secret);
  });

  it('the public snapshot never carries the reporter; the wall has staff detail but no contact either', async () => {
    const open = await (await fetch(`${product.url}/api/v1/reports`)).text();
    expect(open).toContain('"code":"TH-');
    expect(open).not.toContain('Trần Thị Bình');
    const staffSnap = await (
      await fetch(`${product.url}/api/v1/reports`, { headers: { authorization: `Bearer ${product.operatorToken}` } })
    ).json();
    expect(staffSnap.reports[0].description).toEqual(expect.any(String));
    expect(staffSnap.reports[0].reporter).toMatchObject({ name: null, phone: null });
    expect(JSON.stringify(staffSnap)).not.toContain('Trần Thị Bình');
  });

  it('details for a burst of notices come in one request by ids, bounded and validated', async () => {
    const a = await post(product, report);
    const b = await post(product, { ...report, lat: 19.81 });
    const staff = { headers: { authorization: `Bearer ${product.operatorToken}` } };
    const both = await (
      await fetch(`${product.url}/api/v1/reports?ids=${a.body.id},${b.body.id},${a.body.id}`, staff)
    ).json();
    expect(both.reports.map((r: { id: string }) => r.id).sort()).toEqual([a.body.id, b.body.id].sort());
    expect(both.reports[0].reporter).toBeDefined();
    const pub = await (await fetch(`${product.url}/api/v1/reports?ids=${a.body.id}`)).json();
    expect(pub.reports).toHaveLength(1);
    expect(pub.reports[0].reporter).toBeUndefined();
    const bad = await fetch(`${product.url}/api/v1/reports?ids=1,abc`);
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields[0].field).toBe('ids');
    const many = await fetch(
      `${product.url}/api/v1/reports?ids=${Array.from({ length: 201 }, (_, i) => i + 1).join(',')}`,
    );
    expect(many.status).toBe(422);
    expect((await many.json()).error.fields[0]).toMatchObject({ field: 'ids', reason: expect.stringContaining('200') });
  });

  it('a sensitive report reaches the staff room only: the public has no row of it, live or not', async () => {
    const created = await post(product, { ...report, category: 'security' });
    const after = await post(product, report);
    await staff.waitFor((ns) => ns.some((n) => n.reportId === created.body.id));
    await pub.waitFor((ns) => ns.some((n) => n.reportId === after.body.id));
    expect(pub.notices.some((n) => n.reportId === created.body.id)).toBe(false);
  });

  it('bad input writes nothing', async () => {
    const before = (
      await test.pool.query('SELECT (SELECT count(*) FROM reports)::int r, (SELECT count(*) FROM events)::int e')
    ).rows[0];
    const bad = await post(product, { ...report, category: 'no-such-thing' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields[0].field).toBe('category');
    const raw = await fetch(`${product.url}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"category":',
    });
    expect(raw.status).toBe(400);
    expect((await raw.json()).error.code).toBe('invalid_json');
    const after = (
      await test.pool.query('SELECT (SELECT count(*) FROM reports)::int r, (SELECT count(*) FROM events)::int e')
    ).rows[0];
    expect(after).toEqual(before);
  });

  it('cell counts: the public gets no sensitive category, staff get all', async () => {
    const pubCells = await (await fetch(`${product.url}/api/v1/cells?res=7&window=24h`)).json();
    const staffCells = await (
      await fetch(`${product.url}/api/v1/cells?res=7&window=24h`, {
        headers: { authorization: `Bearer ${product.operatorToken}` },
      })
    ).json();
    const total = (body: { cells: { count: number }[] }) => body.cells.reduce((s, c) => s + c.count, 0);
    expect(total(staffCells)).toBe(total(pubCells) + 1);
    // One security report is fewer than k = 3: the public gets no sensitive cell at all, staff get no such block.
    expect(pubCells.sensitive).toMatchObject({ res: 7, k: 3, cells: [] });
    expect(staffCells.sensitive).toBeUndefined();
    expect((await fetch(`${product.url}/api/v1/cells?res=12`)).status).toBe(422);
    const near = await (
      await fetch(`${product.url}/api/v1/cells?res=9&bbox=105.77,19.80,105.785,19.815`, {
        headers: { authorization: `Bearer ${product.operatorToken}` },
      })
    ).json();
    const far = await (
      await fetch(`${product.url}/api/v1/cells?res=9&bbox=105.0,19.0,105.01,19.01`, {
        headers: { authorization: `Bearer ${product.operatorToken}` },
      })
    ).json();
    expect(total(near)).toBe(total(staffCells));
    expect(far.cells).toEqual([]);
    const huge = await fetch(`${product.url}/api/v1/cells?res=10&bbox=104,19,106,21`, {
      headers: { authorization: `Bearer ${product.operatorToken}` },
    });
    expect(huge.status).toBe(422);
    expect((await huge.json()).error.fields[0].field).toBe('bbox');
    // Whole-province answers stop at res 8; finer ones are asked per viewport.
    const whole = await fetch(`${product.url}/api/v1/cells?res=9`, {
      headers: { authorization: `Bearer ${product.operatorToken}` },
    });
    expect(whole.status).toBe(422);
    expect((await whole.json()).error.fields[0]).toMatchObject({
      field: 'bbox',
      reason: expect.stringContaining('res 8'),
    });
    // Public positions are snapped to res 9: finer public counts would give that precision back.
    const fine = await fetch(`${product.url}/api/v1/cells?res=10&bbox=105.77,19.80,105.785,19.815`);
    expect(fine.status).toBe(422);
    expect((await fine.json()).error.fields[0]).toMatchObject({ field: 'res', reason: expect.stringContaining('9') });
    // Two more sensitive reports nearby make a group of k = 3, but live reports are never counted in public:
    // sensitive counts wait for the day's batch (geo/privacy.ts; ingest/sensitive-privacy.test.ts).
    for (let i = 0; i < 2; i++) await post(product, { ...report, category: 'misconduct', lat: 19.8075 + i / 1000 });
    const grouped = await (await fetch(`${product.url}/api/v1/cells?res=7&bbox=105.6,19.7,105.9,19.9`)).json();
    expect(grouped.sensitive).toMatchObject({ asOf: null, cells: [] });
  });

  it('a point at sea is accepted and flagged for triage with no commune', async () => {
    const created = await post(product, { ...report, lat: 19.5, lng: 106.3 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ area: null, needsTriage: true });
  });
});
