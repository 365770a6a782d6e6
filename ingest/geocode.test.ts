// Address search over HTTP on the seeded Thanh Hóa data: communes, former names, hospitals, agencies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import type { RunningProduct } from '../main.ts';
import { currentAreas } from '../sql/queries/areas.ts';
import type { TestDatabase } from '../sql/test-support/db.ts';
import { startTestProduct, type TestProduct } from '../realtime/test-support/test-product.ts';

describe('GET /api/v1/geocode', () => {
  let running: TestProduct;
  let test: TestDatabase;
  let product: RunningProduct;
  const geocode = async (q: string) => {
    const res = await fetch(`${product.url}/api/v1/geocode?q=${encodeURIComponent(q)}`);
    return { status: res.status, body: await res.json() };
  };

  beforeAll(async () => {
    running = await startTestProduct();
    ({ test, product } = running);
  });
  afterAll(async () => {
    await running?.stop();
  });

  it.each([
    ['phuong ham rong', 'commune', '14758'],
    ['Phường Hạc Thành', 'commune', '14797'],
    ['P. Hac Thanh', 'commune', '14797'],
    ['Sầm Sơn', 'commune', null],
  ])('%s -> top hit is a %s', async (q, kind, code) => {
    const { status, body } = await geocode(q);
    expect(status).toBe(200);
    expect(body.candidates[0].kind).toBe(kind);
    if (code) expect(body.candidates[0].code).toBe(code);
  });

  it('every commune hit comes with a point inside that commune', async () => {
    const communes = new Map((await currentAreas(test.pool, 'commune')).features.map((f) => [f.properties.code, f]));
    const { body } = await geocode('ham rong');
    const hit = body.candidates.find((c: { kind: string }) => c.kind === 'commune');
    expect(booleanPointInPolygon([hit.lng, hit.lat], communes.get(hit.area.code)!)).toBe(true);
  });

  it('a hospital is found by name without diacritics and located at its own point', async () => {
    const { body } = await geocode('benh vien da khoa hop luc');
    const hit = body.candidates[0];
    expect(hit.kind).toBe('poi');
    expect(hit.name).toBe('Bệnh viện đa khoa Hợp Lực');
    expect(hit.area.code).toBe('14758');
    expect(hit.lat).toBeGreaterThan(19.3);
  });

  it('a provincial agency is found by its English name too', async () => {
    const { body } = await geocode('Provincial Police');
    expect(body.candidates.map((c: { code: string }) => c.code)).toContain('cong-an-tinh');
  });

  it.each([
    ['', /must not be empty/],
    ['   ', /must not be empty/],
    ['x'.repeat(201), /at most 200/],
  ])('q=%j -> 400 with the reason', async (q, reason) => {
    const { status, body } = await geocode(q);
    expect(status).toBe(400);
    expect(body.error.fields[0]).toMatchObject({ field: 'q', reason: expect.stringMatching(reason) });
  });

  it('no q at all -> 400', async () => {
    const res = await fetch(`${product.url}/api/v1/geocode`);
    expect(res.status).toBe(400);
  });

  const reverse = async (lat: number, lng: number) => {
    const res = await fetch(`${product.url}/api/v1/geocode/reverse?lat=${lat}&lng=${lng}`);
    return {
      status: res.status,
      body: (await res.json()) as { area?: { code: string } | null; error?: { fields: { field: string }[] } },
    };
  };

  it('reverse: a commune search point falls in that commune, and a point at sea in none', async () => {
    const { body } = (await geocode('phuong ham rong')) as { body: { candidates: { lat: number; lng: number }[] } };
    const here = await reverse(body.candidates[0].lat, body.candidates[0].lng);
    expect(here.status).toBe(200);
    expect(here.body.area?.code).toBe('14758');
    expect((await reverse(19.5, 107.5)).body.area).toBeNull();
  });

  it('reverse: a latitude out of range -> 422 naming lat', async () => {
    const { status, body } = await reverse(95, 105.8);
    expect(status).toBe(422);
    expect(body.error?.fields[0].field).toBe('lat');
  });
});
