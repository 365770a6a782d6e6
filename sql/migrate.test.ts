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

  it('stamps a tracking code from the prefix, the year and the id', async () => {
    const { rows } = await test.pool.query(
      `INSERT INTO reports (category, description, lat, lng, h3_cell) VALUES ('road', 'x', 19.8, 105.77, 1) RETURNING id, tracking_code`,
    );
    expect(rows[0].tracking_code).toMatch(new RegExp(`^TH-\\d{4}-0*${rows[0].id}$`));
  });

  it('never cuts a long id: report 1,000,000 does not reuse the code of report 100,000', async () => {
    const insert = (id: number) =>
      test.pool.query(
        `INSERT INTO reports (id, category, description, lat, lng, h3_cell, created_at) VALUES ($1, 'road', 'x', 19.8, 105.77, 1, '2026-06-01T00:00:00Z') RETURNING tracking_code`,
        [id],
      );
    expect((await insert(100_000)).rows[0].tracking_code).toBe('TH-2026-100000');
    expect((await insert(1_000_000)).rows[0].tracking_code).toBe('TH-2026-1000000');
  });
});
