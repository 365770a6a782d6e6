import { describe, expect, it } from 'vitest';
import { migrate } from './db.ts';
import { seedCatalog } from './seed/seed-catalog.ts';
import { currentAreas } from './queries/areas.ts';
import { useTestDatabase } from './test-support/db.ts';

describe('migrations and seed', () => {
  const test = useTestDatabase();

  it('a second migrate applies nothing and leaves the recorded list unchanged', async () => {
    const before = (await test.pool.query('SELECT name FROM schema_migrations ORDER BY name')).rows;
    expect(before.length).toBeGreaterThan(0);
    expect(await migrate(test.pool)).toEqual([]);
    expect((await test.pool.query('SELECT name FROM schema_migrations ORDER BY name')).rows).toEqual(before);
  });

  it('seeds the Thanh Hóa catalog once', async () => {
    expect(await seedCatalog(test.pool)).toBe(false);
    const communes = await currentAreas(test.pool, 'commune');
    expect(communes.features).toHaveLength(166);
    expect(communes.features.find((f) => f.properties.code === '14797')?.properties.fullName).toBe('Phường Hạc Thành');
    const { rows } = await test.pool.query(
      "SELECT count(*)::int AS n, count(*) FILTER (WHERE kind = 'commune')::int AS communes FROM agencies",
    );
    expect(rows[0]).toEqual({ n: 172, communes: 166 });
    const cats = await test.pool.query('SELECT code FROM categories WHERE sensitive ORDER BY code');
    expect(cats.rows.map((r) => r.code)).toEqual(['misconduct', 'security']);
  });

  it('stamps a random Crockford code from the prefix, and a random id, that say nothing of the order', async () => {
    const { rows } = await test.pool.query<{ id: string; tracking_code: string }>(
      `INSERT INTO reports (category, description, lat, lng, h3_cell)
       SELECT 'road', 'x', 19.8, 105.77, 1 FROM generate_series(1, 200) RETURNING id::text, tracking_code`,
    );
    for (const r of rows) expect(r.tracking_code).toMatch(/^TH-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(new Set(rows.map((r) => r.tracking_code)).size).toBe(200);
    const ids = rows.map((r) => BigInt(r.id));
    expect(ids.every((id) => id >= 2n ** 50n && id < 2n ** 53n)).toBe(true);
    // Consecutive inserts are not consecutive ids, nor even increasing.
    expect(ids.filter((id, i) => i > 0 && id === ids[i - 1] + 1n)).toEqual([]);
    expect(ids.filter((id, i) => i > 0 && id > ids[i - 1]).length).toBeLessThan(150);
  });

  it('keeps a code given explicitly (old codes such as TH-2026-100000 stay as they were)', async () => {
    const { rows } = await test.pool.query<{ tracking_code: string }>(
      `INSERT INTO reports (id, tracking_code, category, description, lat, lng, h3_cell) VALUES (100000, 'TH-2026-100000', 'road', 'x', 19.8, 105.77, 1) RETURNING tracking_code`,
    );
    expect(rows[0].tracking_code).toBe('TH-2026-100000');
  });
});
