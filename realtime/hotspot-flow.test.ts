// A burst of reports in one cell, on the whole product: a `hotspot` notice reaches staff and no public socket,
// and GET /api/v1/hotspots agrees with giStar on the same counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellAt, parentCell } from '../geo/h3.ts';
import { studyAreaCells } from '../geo/hotspot-grid.ts';
import { classifyHotspots, giStar } from '../geo/hotspots.ts';
import type { RunningProduct } from '../main.ts';
import { reportCube } from '../sql/queries/hotspot-counts.ts';
import { currentAreas } from '../sql/queries/areas.ts';
import type { TestDatabase } from '../sql/test-support/db.ts';
import type { HotspotNotice } from './protocol.ts';
import { recordingClient, type RecordingClient } from './test-support/feed-client.ts';
import { startTestProduct, type TestProduct } from './test-support/test-product.ts';

const AT = { lat: 19.8075, lng: 105.7766 }; // Phường Hạc Thành
const BURST = 8;

interface Answer {
  from: string;
  to: string;
  res: number;
  cells: {
    cell: string;
    z: number;
    confidence: number;
    side: string;
    pattern: string | null;
    area: { name: string } | null;
  }[];
}

describe('hot spots live', () => {
  let running: TestProduct;
  let test: TestDatabase;
  let product: RunningProduct;
  let staff: RecordingClient;
  let pub: RecordingClient;
  const staffHotspots: HotspotNotice[] = [];
  const publicHotspots: unknown[] = [];

  beforeAll(async () => {
    running = await startTestProduct();
    ({ test, product } = running);
    staff = recordingClient(product.url, { token: product.operatorToken });
    pub = recordingClient(product.url, {});
    staff.socket.on('hotspot', (n) => staffHotspots.push(n));
    pub.socket.on('hotspot', (n) => publicHotspots.push(n));
    expect((await staff.hello).audience).toBe('staff');
    expect((await pub.hello).audience).toBe('public');
  });
  afterAll(async () => {
    staff?.close();
    pub?.close();
    await running?.stop();
  });

  it('a burst in one cell is announced to staff as a new hot spot, to no public socket', async () => {
    for (let i = 0; i < BURST; i++) {
      const res = await fetch(`${product.url}/api/v1/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ category: 'flooding', description: `Ngập đường ${i}`, lat: AT.lat, lng: AT.lng }),
      });
      expect(res.status).toBe(201);
    }
    const cell = parentCell(cellAt(AT.lat, AT.lng), 8);
    const started = Date.now();
    while (!staffHotspots.some((n) => n.cell === cell) && Date.now() - started < 20_000)
      await new Promise((r) => setTimeout(r, 100));
    const notice = staffHotspots.find((n) => n.cell === cell);
    expect(notice).toMatchObject({ kind: 'hotspot', change: 'new', category: 'flooding', res: 8 });
    expect(notice!.confidence).toBeGreaterThanOrEqual(95);
    expect(notice!.areaName).toBe('Phường Hạc Thành');
    // The public socket is connected and hears report notices, but no hot spot.
    await pub.waitFor((ns) => ns.length >= BURST, 10_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(publicHotspots).toEqual([]);
  });

  it('GET /api/v1/hotspots is staff only and agrees with giStar on the same counts', async () => {
    expect((await fetch(`${product.url}/api/v1/hotspots`)).status).toBe(401);
    const bad = await fetch(`${product.url}/api/v1/hotspots?res=12`, {
      headers: { authorization: `Bearer ${product.operatorToken}` },
    });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toContain('"field":"res"');

    const res = await fetch(`${product.url}/api/v1/hotspots?window=24h&res=8&category=flooding`, {
      headers: { authorization: `Bearer ${product.operatorToken}` },
    });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as Answer;
    const cell = parentCell(cellAt(AT.lat, AT.lng), 8);
    expect(answer.cells.find((c) => c.cell === cell)).toMatchObject({ side: 'hot', pattern: 'new', confidence: 99 });
    expect(answer.cells.find((c) => c.cell === cell)!.area?.name).toBe('Phường Hạc Thành');

    // Independently: the province's res-8 cells with 0, the window's flooding counts, giStar + FDR bins.
    const province = await currentAreas(test.pool, 'province');
    const counts = Object.fromEntries(
      studyAreaCells(
        province.features.map((f) => f.geometry),
        8,
      ).map((c) => [c, 0]),
    );
    const end = new Date(answer.to);
    for (const r of await reportCube(test.pool, { res: 8, end, bins: 1, binSeconds: 86_400, category: 'flooding' }))
      if (r.cell in counts) counts[r.cell] += r.n;
    const stats = giStar(counts, { k: 1 });
    const bins = classifyHotspots(stats);
    const significant = Object.keys(bins).filter((c) => bins[c] !== 0);
    expect(answer.cells.map((c) => c.cell).sort()).toEqual(significant.sort());
    for (const c of answer.cells) expect(Math.abs(c.z - stats[c.cell].z)).toBeLessThan(1e-9);
    expect(significant.length).toBeGreaterThan(1);
  });
});
