// Group commit: concurrent submissions share transactions, each caller gets its own row, a row that fails fails alone.
import { describe, expect, it } from 'vitest';
import { createPool } from '../sql/db.ts';
import { useTestDatabase } from '../sql/test-support/db.ts';
import { prepareReport, storeReports, type ReportContext } from './commands/create-reports.ts';
import { ReportBatcher } from './report-batcher.ts';

const ctx: ReportContext = {
  geocoder: { lookup: () => null },
  sensitiveCategories: new Set(['security']),
};
const input = (i: number, category = 'flooding') => ({
  category,
  description: `báo cáo số ${i}`,
  lat: 19.8 + i * 1e-4,
  lng: 105.77,
});

describe('report batcher', () => {
  const test = useTestDatabase();

  it('stores 300 concurrent reports in far fewer transactions, each caller getting its own row', async () => {
    const batcher = new ReportBatcher(test.pool, { maxItems: 50, windowMs: 2, maxInFlight: 2 });
    const rows = await Promise.all(Array.from({ length: 300 }, (_, i) => batcher.submit(prepareReport(input(i), ctx))));
    // Each caller's row is its own report: the stored description of the id it got back is the one it sent.
    const { rows: stored } = await test.pool.query<{ id: string; description: string }>(
      'SELECT id, description FROM reports WHERE id = ANY($1::bigint[])',
      [rows.map((r) => r.id)],
    );
    const descriptionOf = new Map(stored.map((r) => [r.id, r.description]));
    expect(rows.map((r) => descriptionOf.get(r.id))).toEqual(Array.from({ length: 300 }, (_, i) => `báo cáo số ${i}`));
    const {
      rows: [counts],
    } = await test.pool.query(
      `SELECT count(*)::int AS events, count(DISTINCT xid)::int AS txs FROM events WHERE report_id = ANY($1::bigint[])`,
      [rows.map((r) => r.id)],
    );
    expect(counts.events).toBe(300);
    expect(counts.txs).toBeLessThanOrEqual(12);
    expect(batcher.stats).toMatchObject({ reports: 300, failedBatches: 0 });
  });

  it('a row that breaks its batch fails alone: the others in the batch are stored', async () => {
    const batcher = new ReportBatcher(test.pool, { maxItems: 10, windowMs: 5, maxInFlight: 1 });
    const before = (await test.pool.query('SELECT count(*)::int AS n FROM reports')).rows[0].n;
    // An unknown category slips past (validation normally stops it) and breaks the foreign key of its batch.
    const results = await Promise.allSettled(
      [1, 2, 3, 4, 5, 6, 7].map((i) => batcher.submit(prepareReport(input(i, i === 5 ? 'no-such' : 'flooding'), ctx))),
    );
    expect(results.map((r) => r.status)).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((i) => (i === 5 ? 'rejected' : 'fulfilled')),
    );
    expect((results[4] as PromiseRejectedResult).reason).toMatchObject({ code: '23503' });
    expect((await test.pool.query('SELECT count(*)::int AS n FROM reports')).rows[0].n).toBe(before + 6);
  });

  it('plans its two inserts once per connection, not once per batch', async () => {
    // One connection, so the statements it prepared are the ones the next batch finds.
    const one = createPool(test.url, 1);
    try {
      for (let i = 0; i < 3; i++) await storeReports(one, [prepareReport(input(i), ctx)]);
      const { rows } = await one.query<{ name: string; calls: string }>(
        `SELECT name, generic_plans + custom_plans AS calls FROM pg_prepared_statements WHERE name IN ('insert-reports', 'append-events') ORDER BY name`,
      );
      expect(rows).toEqual([
        { name: 'append-events', calls: '3' },
        { name: 'insert-reports', calls: '3' },
      ]);
    } finally {
      await one.end();
    }
  });
});
