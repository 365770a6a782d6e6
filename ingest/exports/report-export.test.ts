// An export reads one snapshot: rows changed, re-filtered or added while it pages are neither duplicated nor
// missing, and a reader that stops early leaves no transaction open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDispatchApp, type DispatchApp } from '../test-support/dispatch-app.ts';
import { presentStaffReport } from '../presenters/report-presenters.ts';
import type { StaffReportDTO } from '../presenters/dto.ts';
import { exportedReports } from './report-export.ts';

const FILTER = { category: 'lighting', status: 'received' };

describe('exports read one snapshot', () => {
  let app: DispatchApp;
  const addLighting = async (n: number, description: string) =>
    app.db.query(
      `INSERT INTO reports (category, description, lat, lng, h3_cell, area_code, area_name, province_code)
       SELECT 'lighting', $2, lat, lng, h3_cell, area_code, area_name, province_code
         FROM generate_series(1, $1::int), (SELECT * FROM reports LIMIT 1) one`,
      [n, description],
    );
  const openTransactions = async () =>
    (
      await app.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'",
      )
    ).rows[0].n;

  beforeAll(async () => {
    app = await startDispatchApp();
    await app.createReport();
    await addLighting(50, 'before');
  });
  afterAll(async () => app?.close());

  it('rows updated out of the filter, edited or added mid-export: the file is the reports at its start', async () => {
    const expected = (
      await app.db.query<{ code: string }>(
        "SELECT tracking_code AS code FROM reports WHERE category = 'lighting' AND status = 'received'",
      )
    ).rows.map((r) => r.code);
    expect(expected).toHaveLength(50);
    const pages = exportedReports(app.db, FILTER, (r) => presentStaffReport(r), 10);
    const first = await pages.next();
    const got = [...(first.value as StaffReportDTO[])];
    expect(got).toHaveLength(10);
    // Committed by other connections while the export is between pages.
    await app.db.query("UPDATE reports SET status = 'resolved', description = 'after' WHERE category = 'lighting'");
    await addLighting(5, 'added');
    for await (const page of pages) got.push(...(page as StaffReportDTO[]));
    const codes = got.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.sort()).toEqual(expected.sort());
    expect(got.every((r) => r.status === 'received' && r.description === 'before')).toBe(true);
    expect(await openTransactions()).toBe(0);
    // The next export sees the present: only the five added since.
    const next: StaffReportDTO[] = [];
    for await (const page of exportedReports(app.db, FILTER, (r) => presentStaffReport(r), 10))
      next.push(...(page as StaffReportDTO[]));
    expect(next.map((r) => r.description)).toEqual(['added', 'added', 'added', 'added', 'added']);
  });

  it('a reader that stops after one page (a client hanging up) ends the transaction and frees the connection', async () => {
    const idleBefore = app.db.totalCount - app.db.idleCount;
    const pages = exportedReports(app.db, { category: 'lighting' }, (r) => presentStaffReport(r), 10);
    await pages.next();
    expect(await openTransactions()).toBe(1);
    await pages.return(undefined);
    expect(await openTransactions()).toBe(0);
    expect(app.db.totalCount - app.db.idleCount).toBe(idleBefore);
  });
});
