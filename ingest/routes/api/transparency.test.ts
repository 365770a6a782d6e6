// Public transparency figures over a real database: counts, on-time share and median per commune and per
// agency; sensitive categories never counted; the window and grouping validated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDispatchApp, type DispatchApp } from '../../test-support/dispatch-app.ts';
import type { TransparencyDTO } from '../../presenters/dto.ts';

describe('GET /api/v1/transparency', () => {
  let app: DispatchApp;
  let areaCode: string;

  /** Moves a report's clock: created `ageH` hours ago, due `dueH` and resolved `resolvedH` hours after that. */
  async function shape(id: string, ageH: number, dueH: number, resolvedH: number | null) {
    await app.db.query(
      `UPDATE reports SET created_at = now() - make_interval(hours => $2),
              due_at = now() - make_interval(hours => $2) + make_interval(hours => $3),
              resolved_at = CASE WHEN $4::int IS NULL THEN NULL
                                 ELSE now() - make_interval(hours => $2) + make_interval(hours => $4::int) END
        WHERE id = $1`,
      [id, ageH, dueH, resolvedH],
    );
  }

  beforeAll(async () => {
    app = await startDispatchApp();
    const ids = await Promise.all([1, 2, 3, 4].map(() => app.createReport()));
    await shape(ids[0], 48, 10, 2); // on time, 2 h
    await shape(ids[1], 48, 10, 20); // late, 20 h
    await shape(ids[2], 48, 10, null); // overdue, unresolved
    await shape(ids[3], 1, 10, null); // not yet due
    await shape(await app.createReport({ category: 'security' }), 48, 10, 1); // sensitive: never counted
    await shape(await app.createReport(), 24 * 100, 10, 5); // 100 days old: only in the 365-day window
    const { rows } = await app.db.query<{ area_code: string }>('SELECT area_code FROM reports WHERE id = $1', [ids[0]]);
    areaCode = rows[0].area_code;
  });
  afterAll(async () => {
    await app?.close();
  });

  const get = async (query: string) => {
    const res = await app.anonymous.get(`/api/v1/transparency${query}`);
    return { status: res.status, body: res.body as TransparencyDTO & { error?: { fields: { field: string }[] } } };
  };

  it('per commune over 30 days: received, resolved, due, on time, median; sensitive left out', async () => {
    const { status, body } = await get('?window=30d&by=commune');
    expect(status).toBe(200);
    expect(body.excludesSensitive).toBe(true);
    const row = body.rows.find((r) => r.key === areaCode);
    expect(row).toMatchObject({ received: 4, resolved: 2, due: 3, resolvedOnTime: 1, medianHoursToResolve: 11 });
    expect(row!.onTimeRate).toBeCloseTo(1 / 3, 3);
    expect(row!.name).toMatch(/\S/);
  });

  it('the 365-day window takes the older report in', async () => {
    const row = (await get('?window=365d&by=commune')).body.rows.find((r) => r.key === areaCode);
    expect(row).toMatchObject({ received: 5, resolved: 3, resolvedOnTime: 2 });
  });

  it('per agency the same reports sum up under the agency that got them, with its names', async () => {
    const { body } = await get('?window=30d&by=agency');
    expect(body.rows.reduce((n, r) => n + r.received, 0)).toBe(4);
    for (const r of body.rows) expect(r.nameEn).toMatch(/\S/);
  });

  it.each([
    ['?window=7d', 'window'],
    ['?by=cell', 'by'],
  ])('%s -> 422 naming the field', async (query, field) => {
    const { status, body } = await get(query);
    expect(status).toBe(422);
    expect(body.error?.fields[0].field).toBe(field);
  });
});
