// Group commit: concurrent submissions share transactions, each caller gets its own row, a row that fails fails alone.
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { createPool } from '../sql/db.ts';
import { EVENTS_CHANNEL } from '../sql/doorbell.ts';
import { poolForRequest } from '../sql/request-scope.ts';
import { seedSlaConfig } from '../sql/seed/seed-dispatch.ts';
import { useTestDatabase } from '../sql/test-support/db.ts';
import { prepareReport, reportEventPayload, storeReports, type ReportContext } from './commands/create-reports.ts';
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

  it("appends each report's event in the insert's statement, as reportEventPayload makes it of the stored row", async () => {
    await seedSlaConfig(test.pool);
    const {
      rows: [rule],
    } = await test.pool.query<{ id: string; agency_id: string }>(
      'SELECT id::text, agency_id FROM routing_rules LIMIT 1',
    );
    const area = { code: '14797', name: 'Hạc Thành', fullName: 'Phường Hạc Thành', provinceCode: '38' };
    const routed: ReportContext = {
      geocoder: { lookup: () => area },
      sensitiveCategories: new Set(['security']),
      agencyRouting: {
        route: (category) => (category === 'security' ? null : { agencyId: rule.agency_id, ruleId: rule.id }),
      },
    };
    const { rows: categories } = await test.pool.query<{ code: string }>('SELECT code FROM categories ORDER BY code');
    // Several statements, so the timestamps' microseconds differ: SQL and JS must agree on how they are cut to ms.
    const batches = await Promise.all(
      [0, 1, 2, 3, 4].map((b) =>
        storeReports(
          poolForRequest(test.pool, `req-${b}`),
          categories.map((c, i) => ({
            ...prepareReport(input(b * 100 + i, c.code), routed),
            ...(i === 0 && { requestId: `sender-${b}` }),
          })),
        ),
      ),
    );
    const stored = batches.flat();
    const { rows: events } = await test.pool.query<{ report_id: string; payload: object; request_id: string }>(
      `SELECT report_id::text, payload, request_id FROM events WHERE kind = 'report.created' AND report_id = ANY($1::bigint[])
       ORDER BY id`,
      [stored.map((r) => r.id)],
    );
    // Within a batch, the events follow the reports' order; the batches ran side by side.
    for (const rows of batches) {
      const ids = new Set(rows.map((r) => r.id));
      expect(events.filter((e) => ids.has(e.report_id)).map((e) => e.report_id)).toEqual(rows.map((r) => r.id));
    }
    const eventOf = new Map(events.map((e) => [e.report_id, e]));
    expect(stored.map((r) => eventOf.get(r.id)?.payload)).toEqual(
      stored.map((r) => reportEventPayload(r, r.category === 'security')),
    );
    expect(stored.some((r) => r.response_due_at !== null && r.agency_id !== null)).toBe(true);
    expect(batches.flatMap((rows) => rows.map((r) => eventOf.get(r.id)?.request_id))).toEqual(
      batches.flatMap((rows, b) => rows.map((_, i) => (i === 0 ? `sender-${b}` : `req-${b}`))),
    );
  });

  it('a batch with nothing else to store commits in its one statement and rings the doorbell after it', async () => {
    const db = createPool(test.url, 1, { ringAfterCommit: true });
    const listener = new pg.Client({ connectionString: test.url });
    try {
      await listener.connect();
      const rang = new Promise((ring) => listener.on('notification', ring));
      await listener.query(`LISTEN ${EVENTS_CHANNEL}`);
      const [row] = await storeReports(db, [prepareReport(input(1), ctx)]);
      await rang;
      // Its own transaction: no BEGIN left the connection inside one, and the row is there for everyone.
      expect((await db.query<{ open: string }>('SELECT now() = statement_timestamp() AS open')).rows[0]).toEqual({
        open: true,
      });
      expect((await test.pool.query('SELECT 1 FROM reports WHERE id = $1', [row.id])).rowCount).toBe(1);
    } finally {
      await listener.end();
      await db.end();
    }
  });

  it('plans its insert once per connection, not once per batch', async () => {
    // One connection, so the statements it prepared are the ones the next batch finds.
    const one = createPool(test.url, 1);
    try {
      for (let i = 0; i < 3; i++) await storeReports(one, [prepareReport(input(i), ctx)]);
      const { rows } = await one.query<{ name: string; calls: string }>(
        `SELECT name, generic_plans + custom_plans AS calls FROM pg_prepared_statements WHERE name IN ('insert-reports', 'append-events') ORDER BY name`,
      );
      expect(rows).toEqual([{ name: 'insert-reports', calls: '3' }]);
    } finally {
      await one.end();
    }
  });
});
