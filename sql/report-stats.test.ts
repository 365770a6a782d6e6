// The screens' counters come from the rollups: they must equal counting the reports, through status and category changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latLngToCell } from 'h3-js';
import { cellToBigint } from '../geo/h3.ts';
import type { Db } from './db.ts';
import { reportStats } from './queries/report-counts.ts';
import { freshDatabase } from './test-support/db.ts';

async function countedDirectly(db: Db) {
  const { rows } = await db.query(
    `SELECT (SELECT count(*)::int FROM reports) AS total,
            (SELECT count(*)::int FROM reports WHERE created_at > now() - interval '24 hours') AS last24h,
            (SELECT jsonb_object_agg(status, n) FROM (SELECT status, count(*)::int n FROM reports GROUP BY status) s) AS by_status,
            (SELECT jsonb_object_agg(category, n) FROM (SELECT category, count(*)::int n FROM reports GROUP BY category) c) AS by_category`,
  );
  return {
    total: rows[0].total,
    last24h: rows[0].last24h,
    byStatus: rows[0].by_status,
    byCategory: rows[0].by_category,
  };
}

describe('report stats from the rollups', () => {
  let db: Db;
  beforeAll(async () => {
    db = await freshDatabase();
    // 300 reports over three days, in four categories, spread across the province.
    const n = 300;
    const at = Array.from({ length: n }, (_, i) => new Date(Date.now() - i * 15 * 60_000).toISOString());
    const lat = Array.from({ length: n }, (_, i) => 19.4 + ((i * 37) % 100) / 100);
    const lng = Array.from({ length: n }, (_, i) => 105.3 + ((i * 53) % 120) / 150);
    await db.query(
      `INSERT INTO reports (category, description, lat, lng, h3_cell, created_at, updated_at)
       SELECT c, 'x', la, lo, h, t, t FROM unnest($1::text[], $2::float8[], $3::float8[], $4::bigint[], $5::timestamptz[]) AS u(c, la, lo, h, t)`,
      [
        at.map((_, i) => ['road', 'rubbish', 'flooding', 'security'][i % 4]),
        lat,
        lng,
        lat.map((la, i) => cellToBigint(latLngToCell(la, lng[i], 12)).toString()),
        at,
      ],
    );
  });
  afterAll(async () => {
    await db.end();
  });

  it('equal a count of the reports', async () => {
    expect(await reportStats(db)).toEqual(await countedDirectly(db));
  });

  it('still equal it after operators change statuses and re-categorise', async () => {
    await db.query("UPDATE reports SET status = 'triaged' WHERE id % 3 = 0");
    await db.query("UPDATE reports SET status = 'resolved' WHERE id % 7 = 0");
    await db.query("UPDATE reports SET category = 'other' WHERE id % 11 = 0");
    const stats = await reportStats(db);
    expect(stats).toEqual(await countedDirectly(db));
    expect(stats.byStatus.resolved).toBeGreaterThan(0);
    expect(stats.byCategory.other).toBeGreaterThan(0);
  });
});
