// Exports: public fields for anyone, staff fields for staff, channel filters, and 100k rows streamed in bounded memory
// from one snapshot while they change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startDispatchApp, type DispatchApp } from '../../test-support/dispatch-app.ts';

const parseCsv = (text: string) => text.trim().split('\r\n');

describe('report exports', () => {
  let app: DispatchApp;
  beforeAll(async () => {
    app = await startDispatchApp();
    await app.createReport({ description: '=HYPERLINK("http://x") gọi 0912000111', reporter: { phone: '0912000111' } });
    await app.createReport({ category: 'security', channel: 'app' });
  });
  afterAll(async () => app?.close());

  it('anyone gets the public columns: snapped positions, none for sensitive categories, nothing private', async () => {
    const res = await fetch(`${app.url}/api/v1/reports.csv`);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const [header, ...rows] = parseCsv(await res.text());
    expect(header).toBe('code,category,status,lat,lng,areaCode,areaName,createdAt,updatedAt');
    // A sensitive report has no public row at all (geo/privacy.ts).
    expect(rows).toHaveLength(1);
    const text = rows.join('\n');
    expect(text).not.toContain('0912000111');
    expect(text).not.toContain('HYPERLINK');
    expect(text).not.toContain(',security,');
    const road = rows.find((r) => r.includes(',road,'))!.split(',');
    expect(Number(road[3])).not.toBe(19.8075);
  });

  it('staff get the staff columns, a formula-looking cell neutralised, and can filter by channel', async () => {
    const dispatcher = await app.login('dispatcher');
    const res = await fetch(`${app.url}/api/v1/reports.csv`, { headers: { cookie: dispatcher.cookie } });
    const [header, ...rows] = parseCsv(await res.text());
    expect(header.split(',')).toEqual(expect.arrayContaining(['description', 'reporterPhone', 'channel', 'id']));
    const road = rows.find((r) => r.includes(',road,'))!;
    expect(road).toContain(`"'=HYPERLINK(""http://x"") gọi 0912000111"`);
    expect(road).toContain(',0912000111');
    const app_ = parseCsv(
      await (
        await fetch(`${app.url}/api/v1/reports.csv?channel=app`, { headers: { cookie: dispatcher.cookie } })
      ).text(),
    );
    expect(app_).toHaveLength(2);
    expect(app_[1]).toContain(',security,');
    expect(app_[1]).toContain(',app,');
    const listed = await dispatcher.get('/api/v1/reports?channel=web');
    expect(listed.body.reports.map((r: { channel: string }) => r.channel)).toEqual(['web']);
  });

  it('GeoJSON: a FeatureCollection of public points, sensitive reports left out', async () => {
    const res = await fetch(`${app.url}/api/v1/reports.geojson`);
    expect(res.headers.get('content-type')).toMatch(/application\/geo\+json/);
    type Doc = { type: string; features: { geometry: { coordinates: number[] }; properties: { category: string } }[] };
    const doc = (await res.json()) as Doc;
    expect(doc.type).toBe('FeatureCollection');
    expect(doc.features.map((f) => f.properties.category)).toEqual(['road']);
    expect(doc.features[0].geometry.coordinates[1]).toBeCloseTo(19.8075, 2);
    expect(doc.features[0].properties).not.toHaveProperty('description');
    const none = (await (await fetch(`${app.url}/api/v1/reports.geojson?category=security`)).json()) as Doc;
    expect(none.features).toEqual([]);
  });

  it('bad filters are a 422 naming the field; hotline is a staff channel', async () => {
    const bad = await app.anonymous.get('/api/v1/reports.csv?channel=fax');
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields[0].field).toBe('channel');
    const hotline = await app.anonymous.post('/api/v1/reports', {
      category: 'road',
      description: 'Gọi tổng đài',
      lat: 19.8,
      lng: 105.77,
      channel: 'hotline',
    });
    expect(hotline.status).toBe(422);
    const desk = await app.login('dispatcher');
    const taken = await desk.post('/api/v1/reports', {
      category: 'road',
      description: 'Gọi tổng đài',
      lat: 19.8,
      lng: 105.77,
      channel: 'hotline',
    });
    expect(taken.status).toBe(201);
    expect((await desk.get(`/api/v1/reports/${taken.body.id}`)).body.channel).toBe('hotline');
  });

  it('streams 100,000 rows in many chunks with the heap growing by far less than the export', async () => {
    await app.db.query(
      `INSERT INTO reports (category, description, lat, lng, h3_cell, area_code, area_name, province_code)
       SELECT 'rubbish', 'Rác ' || g, 19.8 + g / 1e7, 105.77, h3_cell, area_code, area_name, province_code
         FROM generate_series(1, 100000) g, (SELECT * FROM reports LIMIT 1) one`,
    );
    // Live heap after a full collection: what the server holds, not the garbage it has not collected yet.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const liveHeap = () => (gc(), process.memoryUsage().heapUsed);
    const before = liveHeap();
    let peak = before;
    const res = await fetch(`${app.url}/api/v1/reports.csv?category=rubbish`);
    let bytes = 0;
    let lines = 0;
    let chunks = 0;
    let resolvedSeen = false;
    let tail = '';
    const decoder = new TextDecoder();
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      if (++chunks % 20 === 0) peak = Math.max(peak, liveHeap());
      // Early in the stream, every exported report changes and more are added, committed by another connection:
      // the file still shows them as they were when the export started (one snapshot), none twice, none new.
      if (chunks === 3) {
        await app.db.query("UPDATE reports SET status = 'resolved' WHERE category = 'rubbish'");
        await app.db.query(
          `INSERT INTO reports (category, description, lat, lng, h3_cell, area_code, area_name, province_code)
           SELECT 'rubbish', 'Mới', lat, lng, h3_cell, area_code, area_name, province_code
             FROM generate_series(1, 500), (SELECT * FROM reports LIMIT 1) one`,
        );
      }
      const text = tail + decoder.decode(chunk, { stream: true });
      resolvedSeen ||= text.includes(',resolved,');
      tail = text.slice(-20);
      bytes += chunk.length;
      for (const b of chunk) if (b === 10) lines++;
    }
    expect(lines).toBe(100_001);
    expect(resolvedSeen).toBe(false);
    expect(chunks).toBeGreaterThan(50);
    // The export is ~15 MB of text, and 100k rows held as objects would be several times that; paging keeps
    // the live heap within a few pages' worth, whatever the row count.
    console.log(
      `export: ${(bytes / 1e6).toFixed(1)} MB in ${chunks} chunks, heap +${((peak - before) / 1e6).toFixed(1)} MB`,
    );
    expect(peak - before).toBeLessThan(bytes / 3);
  }, 180_000);
});
