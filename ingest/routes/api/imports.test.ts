// Bulk hotline import: a saved mapping, every row checked first, nothing written on error unless asked, CSV and XLSX.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { startDispatchApp, type DispatchApp } from '../../test-support/dispatch-app.ts';
import { XLSX_TYPE } from '../../imports/read-table.ts';

const HEADER = ['Loại', 'Nội dung', 'Địa chỉ', 'Người gọi', 'SĐT'];
const GOOD = [
  ['Rác thải', 'Rác đổ trộm đầu ngõ', 'Phường Hạc Thành', 'Nguyễn Văn Ba', '0912345678'],
  ['road', 'Ổ gà lớn', 'Hạc Thành', '', ''],
];
const BAD = [
  ['Cháy rừng', 'Có khói', 'Phường Hạc Thành', '', ''],
  ['Đường hư', 'Sụt lún', '', 'Lê C', '12'],
];
const csv = (rows: string[][]) =>
  rows.map((r) => r.map((c) => (c.includes(',') ? `"${c}"` : c)).join(',')).join('\r\n');

describe('hotline imports', () => {
  let app: DispatchApp;
  let desk: Awaited<ReturnType<DispatchApp['login']>>;
  const upload = (body: string | Buffer, query: string, type = 'text/csv', who = desk) =>
    fetch(`${app.url}/api/v1/imports?${query}`, {
      method: 'POST',
      headers: { 'content-type': type, cookie: who.cookie, 'x-csrf-token': who.csrf },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });
  const count = async () =>
    (await app.db.query<{ n: number }>("SELECT count(*)::int AS n FROM reports WHERE channel = 'hotline'")).rows[0].n;

  beforeAll(async () => {
    app = await startDispatchApp();
    desk = await app.login('dispatcher');
    // An administrator saves the mapping; the desk imports with it.
    const saved = await (
      await app.login('admin')
    ).post('/api/v1/imports/mappings', {
      name: 'tong-dai-1022',
      columns: {
        category: 'Loại',
        description: 'Nội dung',
        address: 'Địa chỉ',
        reporterName: 'Người gọi',
        reporterPhone: 'SĐT',
      },
      categoryValues: { 'Rác thải': 'rubbish', 'Đường hư': 'road' },
    });
    expect(saved.status).toBe(200);
  });
  afterAll(async () => app?.close());

  it('reports each bad row by its number and field, and writes nothing', async () => {
    const res = await upload(csv([HEADER, ...GOOD, ...BAD]), 'mapping=tong-dai-1022');
    expect(res.status).toBe(422);
    const body = (await res.json()) as { rows: { row: number; field: string }[]; goodRows: number };
    expect(body.rows.map((r) => `${r.row}:${r.field}`).sort()).toEqual(['4:category', '5:address', '5:reporter.phone']);
    expect(body.goodRows).toBe(2);
    expect(await count()).toBe(0);
  });

  it('with goodRows=import writes the good rows as hotline reports and lists the skipped ones', async () => {
    const res = await upload(csv([HEADER, ...GOOD, ...BAD]), 'mapping=tong-dai-1022&goodRows=import');
    expect(res.status).toBe(201);
    const body = (await res.json()) as { imported: { row: number; code: string }[]; skipped: { row: number }[] };
    expect(body.imported.map((i) => i.row)).toEqual([2, 3]);
    expect(new Set(body.skipped.map((s) => s.row))).toEqual(new Set([4, 5]));
    const { rows } = await app.db.query(
      `SELECT category, channel, reporter_name, area_name,
              (SELECT count(*)::int FROM events e WHERE e.report_id = r.id) AS events
         FROM reports r WHERE channel = 'hotline' ORDER BY category`,
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ category: 'road', channel: 'hotline', events: 1 });
    expect(rows[1]).toMatchObject({
      category: 'rubbish',
      channel: 'hotline',
      reporter_name: 'Nguyễn Văn Ba',
      events: 1,
    });
    expect(rows[1].area_name).toContain('Hạc Thành');
  });

  it('the queue filters on the channel', async () => {
    await app.createReport();
    const hotline = await desk.get('/api/v1/queue?channel=hotline');
    expect(hotline.status).toBe(200);
    expect(hotline.body.total).toBe(await count());
    const web = await desk.get('/api/v1/queue?channel=web');
    expect(web.body.total).toBe(1);
    expect((await desk.get('/api/v1/queue?channel=fax')).status).toBe(422);
  });

  it('reads XLSX with the same mapping', async () => {
    const before = await count();
    const xlsx = await writeXlsxFile([HEADER, ...GOOD].map((r) => r.map((value) => ({ value })))).toBuffer();
    const res = await upload(xlsx, 'mapping=tong-dai-1022', XLSX_TYPE);
    expect(res.status).toBe(201);
    expect(await count()).toBe(before + 2);
  });

  it('refuses what cannot be imported, with the field named', async () => {
    const unknown = await upload(csv([HEADER, ...GOOD]), 'mapping=nope');
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { error: { fields: { field: string }[] } }).error.fields[0].field).toBe(
      'mapping',
    );
    const missing = await upload(
      csv([
        ['Loại', 'Nội dung'],
        ['road', 'Ổ gà'],
      ]),
      'mapping=tong-dai-1022',
    );
    expect(missing.status).toBe(422);
    const fields = ((await missing.json()) as { error: { fields: { field: string }[] } }).error.fields;
    expect(fields.map((f) => f.field)).toContain('mapping.address');
    expect((await upload('{}', 'mapping=tong-dai-1022', 'application/json')).status).toBe(415);
    const field = await app.login('field');
    expect((await upload(csv([HEADER, ...GOOD]), 'mapping=tong-dai-1022', 'text/csv', field)).status).toBe(403);
    expect((await fetch(`${app.url}/api/v1/imports?mapping=x`, { method: 'POST', body: 'a' })).status).toBe(401);
  });
});
