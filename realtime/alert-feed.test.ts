// Official alerts through the whole product: published over HTTP, heard live by exactly the screens whose
// area meets it (inside, not outside, not across a border), cancelled and expired for the same set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coverAt, intersects } from '../geo/alert-area.ts';
import { sampleAlert } from '../ingest/test-support/alerts.ts';
import type { RunningProduct } from '../main.ts';
import { viewCells } from './alert-delivery.ts';
import type { AlertNotice, WatchRequest } from './protocol.ts';
import { AREA_CELL_RES, cellsOfAreaRoom, roomsFor } from './rooms.ts';
import { recordingClient, type RecordingClient } from './test-support/feed-client.ts';
import { startTestProduct, type TestProduct } from './test-support/test-product.ts';
import { login } from './test-support/staff-login.ts';

const box = (lat: number, lng: number, d = 0.005): WatchRequest => ({ bbox: [lng - d, lat - d, lng + d, lat + d] });
/** Screens by where they look: inside two of the three communes, the province, the next commune, the far west. */
const VIEWS = {
  hacThanh: box(19.8, 105.78),
  hamRong: box(19.85, 105.775),
  acrossBorder: box(19.82, 105.68), // Đông Sơn, ~7 km west of the area, same res-5 room as part of it
  farAway: box(20.3, 105.3), // Điền Lư
  // Public /map screens: province-wide reports, alerts narrowed to the viewport (alertsOnly).
  mapInside: { ...box(19.8, 105.78, 0.02), alertsOnly: true },
  mapOutside: { ...box(20.3, 105.3, 0.02), alertsOnly: true },
  mapWholeProvince: { bbox: [104.3, 19.2, 106.1, 20.7], alertsOnly: true },
} satisfies Record<string, WatchRequest>;
type Name = keyof typeof VIEWS | 'province' | 'staff';

describe('alerts on the live feed', () => {
  let running: TestProduct;
  let product: RunningProduct;
  const clients = {} as Record<Name, RecordingClient>;
  const heard = {} as Record<Name, AlertNotice[]>;
  let admin: Awaited<ReturnType<typeof login>>;
  let supervisor: Awaited<ReturnType<typeof login>>;

  beforeAll(async () => {
    running = await startTestProduct();
    ({ product } = running);
    for (const [name, watch] of Object.entries(VIEWS)) clients[name as Name] = recordingClient(product.url, { watch });
    clients.province = recordingClient(product.url);
    clients.staff = recordingClient(product.url, { token: product.operatorToken });
    for (const [name, c] of Object.entries(clients)) {
      heard[name as Name] = [];
      c.socket.on('alert', (n) => heard[name as Name].push(n));
    }
    await Promise.all(Object.values(clients).map((c) => c.hello));
    admin = await login(product.url, 'admin');
    supervisor = await login(product.url, 'supervisor');
  });
  afterAll(async () => {
    for (const c of Object.values(clients)) c?.close();
    await running?.stop();
  });

  const whoHeard = async (alertId: string, change: string, expected: Name[]) => {
    const started = Date.now();
    const has = (n: Name) => heard[n].some((a) => a.alertId === alertId && a.change === change);
    while (!expected.every(has) && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 300)); // and nobody else, a little later
    return (Object.keys(clients) as Name[]).filter(has).sort();
  };
  const INSIDE: Name[] = ['hacThanh', 'hamRong', 'province', 'staff', 'mapInside', 'mapWholeProvince'].sort() as Name[];

  it('reaches screens inside the three communes, the province view and staff; not across the border or far away', async () => {
    const res = await admin('/api/v1/alerts', sampleAlert());
    expect(res.status).toBe(201);
    // The screen across the border shares a res-5 room with the area: only the finer view match keeps it out.
    const { rows } = await running.test.pool.query<{ cells: string[] }>('SELECT cells FROM alerts WHERE id = $1', [
      res.body.id,
    ]);
    const room = roomsFor({ audience: 'public' }, VIEWS.acrossBorder);
    expect(room.ok && intersects(new Set(cellsOfAreaRoom(room.rooms[0])), coverAt(rows[0].cells, AREA_CELL_RES))).toBe(
      true,
    );
    expect(viewCells(VIEWS.acrossBorder)).not.toBeNull();

    expect(await whoHeard(res.body.id, 'published', INSIDE)).toEqual(INSIDE);
    const notice = heard.hacThanh.find((a) => a.alertId === res.body.id)!;
    expect(notice).toMatchObject({ kind: 'alert', category: 'weather', areaCodes: ['14758', '14797', '15925'] });
    expect(notice).not.toHaveProperty('cells');

    // The reach audit names where the public screens were looking when it went out (staff screens are not counted).
    let lines: { areaCode: string | null; screens: number }[] = [];
    for (let i = 0; i < 100 && lines.reduce((n, l) => n + l.screens, 0) < 5; i++) {
      await new Promise((r) => setTimeout(r, 20));
      lines = ((await admin(`/api/v1/alerts/${res.body.id}/reach`)).body as unknown as { lines: typeof lines }).lines;
    }
    expect(
      lines
        .filter((l) => l.screens)
        .map((l) => [l.areaCode, l.screens])
        .sort(),
    ).toEqual([
      [null, 2], // the province socket and the /map zoomed out over the whole province
      ['14758', 1],
      ['14797', 2], // the area socket and the /map over Hạc Thành; not the /map over Điền Lư
    ]);
    const csv = await admin.text(`/api/v1/alerts/${res.body.id}/reach.csv`);
    expect(csv).toMatch(/^\uFEFFma_xa\/area_code,/);
    expect(csv).toContain('14797,Phường Hạc Thành,2,0,0,0');

    const cancel = await admin(`/api/v1/alerts/${res.body.id}/cancel`, {});
    expect(cancel.status).toBe(200);
    expect(await whoHeard(res.body.id, 'cancelled', INSIDE)).toEqual(INSIDE);
  });

  it('a /map that pans over the area hears the next alert, keeping the province report room; panning away stops it', async () => {
    const pan = (watch: WatchRequest) =>
      new Promise<unknown>((done) => clients.mapOutside.socket.emit('watch', watch, done));
    expect(await pan(VIEWS.mapInside)).toEqual({ ok: true, rooms: ['public'] });
    const first = await admin('/api/v1/alerts', sampleAlert());
    expect(await whoHeard(first.body.id, 'published', [...INSIDE, 'mapOutside'])).toEqual(
      [...INSIDE, 'mapOutside'].sort(),
    );
    expect(await pan(VIEWS.mapOutside)).toEqual({ ok: true, rooms: ['public'] });
    const second = await admin('/api/v1/alerts', sampleAlert());
    expect(await whoHeard(second.body.id, 'published', INSIDE)).toEqual(INSIDE);
  });

  it('sends nothing for a Severe alert until a second publisher approves it', async () => {
    const res = await admin('/api/v1/alerts', sampleAlert({ severity: 'Severe', category: 'flood' }));
    expect(res.body.state).toBe('pending_approval');
    expect(await whoHeard(res.body.id, 'published', [])).toEqual([]);
    expect((await admin(`/api/v1/alerts/${res.body.id}/approve`, {})).status).toBe(403);
    expect(await whoHeard(res.body.id, 'published', [])).toEqual([]);
    expect((await supervisor(`/api/v1/alerts/${res.body.id}/approve`, {})).status).toBe(200);
    expect(await whoHeard(res.body.id, 'published', INSIDE)).toEqual(INSIDE);
  });

  it('tells the same screens when an alert expires', async () => {
    const res = await admin('/api/v1/alerts', sampleAlert({ expires: new Date(Date.now() + 1500).toISOString() }));
    expect(await whoHeard(res.body.id, 'published', INSIDE)).toEqual(INSIDE);
    expect(await whoHeard(res.body.id, 'expired', INSIDE)).toEqual(INSIDE);
    const list = (await (await fetch(`${product.url}/api/v1/alerts`)).json()) as { alerts: { id: string }[] };
    expect(list.alerts.map((a) => a.id)).not.toContain(res.body.id);
  });
});
