// New reports reach the rollups through a queue: every count must be exact before, during and after applying it.
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { latLngToCell } from 'h3-js';
import { cellToBigint } from '../geo/h3.ts';
import type { Db } from './db.ts';
import { countByCell, reportStats } from './queries/report-counts.ts';
import { applyReportRollups, queuedRollupRows } from './queries/rollups.ts';
import { startRollupApplier } from './rollup-applier.ts';
import { useTestDatabase } from './test-support/db.ts';

const INSERT = `INSERT INTO reports (category, description, lat, lng, h3_cell)
  SELECT c, 'x', la, lo, h FROM unnest($1::text[], $2::float8[], $3::float8[], $4::bigint[]) AS t(c, la, lo, h) RETURNING id::text`;

function reportsParams(n: number, seed: number) {
  const lat = Array.from({ length: n }, (_, i) => 19.7 + (((i + seed) * 37) % 100) / 500);
  const lng = Array.from({ length: n }, (_, i) => 105.7 + (((i + seed) * 53) % 120) / 500);
  const cat = lat.map((_, i) => ['road', 'rubbish', 'flooding'][(i + seed) % 3]);
  return [cat, lat, lng, lat.map((la, i) => cellToBigint(latLngToCell(la, lng[i], 12)).toString())];
}

/** Every count the screens read, counted from the reports themselves. */
async function direct(db: Db) {
  const { rows } = await db.query(
    `SELECT (SELECT jsonb_object_agg(k, n) FROM (SELECT status || '/' || category k, count(*)::int n FROM reports GROUP BY 1) s) AS by,
            (SELECT jsonb_object_agg(c, n) FROM (SELECT h3_parent(h3_cell, 8)::text c, count(*)::int n FROM reports GROUP BY 1) s) AS cells8`,
  );
  return { by: rows[0].by ?? {}, cells8: rows[0].cells8 ?? {} };
}

async function fromRollups(db: Db) {
  const by: Record<string, number> = {};
  for (const status of ['received', 'triaged']) {
    for (const category of ['road', 'rubbish', 'flooding']) {
      const n = (await countByCell(db, { res: 10, status, category })).reduce((s, r) => s + r.count, 0);
      if (n) by[`${status}/${category}`] = n;
    }
  }
  const cells8 = Object.fromEntries((await countByCell(db, { res: 8 })).map((r) => [r.cell, r.count]));
  return { by, cells8 };
}

describe('report rollup queue', () => {
  const test = useTestDatabase();

  it('queues one row per new report, and counts are exact before and after applying', async () => {
    await test.pool.query(INSERT, reportsParams(120, 0));
    expect(await queuedRollupRows(test.pool)).toBe(120);
    expect(await fromRollups(test.pool)).toEqual(await direct(test.pool));
    expect(await applyReportRollups(test.pool)).toBe(120);
    expect(await queuedRollupRows(test.pool)).toBe(0);
    expect(await fromRollups(test.pool)).toEqual(await direct(test.pool));
  });

  it('a status change of a report still queued adds up with its queued row', async () => {
    const { rows } = await test.pool.query<{ id: string }>(INSERT, reportsParams(30, 7));
    await test.pool.query("UPDATE reports SET status = 'triaged' WHERE id = ANY($1::bigint[])", [
      rows.slice(0, 10).map((r) => r.id),
    ]);
    expect(await fromRollups(test.pool)).toEqual(await direct(test.pool));
    await applyReportRollups(test.pool);
    expect(await fromRollups(test.pool)).toEqual(await direct(test.pool));
    const stats = await reportStats(test.pool);
    expect(stats.byStatus.triaged).toBe(10);
    expect(stats.total).toBe(150);
  });

  it('leaves reports of an open transaction for a later run, and takes them once committed', async () => {
    const writer = new pg.Client({ connectionString: test.url });
    await writer.connect();
    await writer.query('BEGIN');
    await writer.query(INSERT, reportsParams(25, 11));
    expect(await applyReportRollups(test.pool)).toBe(0);
    await writer.query('COMMIT');
    await writer.end();
    expect(await fromRollups(test.pool)).toEqual(await direct(test.pool));
    expect(await applyReportRollups(test.pool)).toBe(25);
    expect(await fromRollups(test.pool)).toEqual(await direct(test.pool));
  });

  it('one applier at a time: a second one returns at once with nothing taken', async () => {
    await test.pool.query(INSERT, reportsParams(5, 13));
    const first = new pg.Client({ connectionString: test.url });
    await first.connect();
    await first.query('BEGIN');
    expect((await first.query('SELECT apply_report_rollups() AS n')).rows[0].n).toBe(5);
    await test.pool.query(INSERT, reportsParams(5, 17));
    expect(await applyReportRollups(test.pool)).toBe(0);
    await first.query('ROLLBACK'); // the first gives its take back: nothing is lost
    await first.end();
    expect(await applyReportRollups(test.pool)).toBe(10);
    expect(await fromRollups(test.pool)).toEqual(await direct(test.pool));
  });

  it('the applier drains a queue larger than one take, while writers keep writing', async () => {
    const errors: unknown[] = [];
    const applier = startRollupApplier(test.pool, {
      intervalMs: 20,
      maxRows: 40,
      vacuumEvery: 100,
      onError: (e) => errors.push(e),
    });
    try {
      for (let i = 0; i < 10; i++) await test.pool.query(INSERT, reportsParams(37, 100 + i));
      await applier.drain();
      expect(await queuedRollupRows(test.pool)).toBe(0);
      expect(await fromRollups(test.pool)).toEqual(await direct(test.pool));
      expect(errors).toEqual([]); // the VACUUM it ran on the way included
    } finally {
      await applier.stop();
    }
  });
});
