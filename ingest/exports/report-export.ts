// Report exports for partners as text chunks, page by page: memory stays flat whatever the number of rows, and
// every page reads one snapshot, so the file is the reports as they were at one instant.
import { readInSnapshot, type Db, type Tx } from '../../sql/db.ts';
import { exportPage, type ExportFilter, type ReportRow } from '../../sql/queries/reports.ts';
import type { PublicReportDTO, StaffReportDTO } from '../presenters/dto.ts';

export const EXPORT_PAGE_SIZE = 1000;

export type Presented = PublicReportDTO | StaffReportDTO;

/** Every matching report as of the export's start, presented for the caller, one page at a time. */
export function exportedReports(
  db: Db,
  filter: ExportFilter,
  /** Null leaves the row out (a report with no public row, for the public). */
  present: (row: ReportRow) => Presented | null,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<Presented[]> {
  return readInSnapshot(db, (tx) => pages(tx, filter, present, pageSize));
}

async function* pages(
  tx: Tx,
  filter: ExportFilter,
  present: (row: ReportRow) => Presented | null,
  pageSize: number,
): AsyncGenerator<Presented[]> {
  let after = '0';
  for (;;) {
    const rows = await exportPage(tx, filter, after, pageSize);
    if (rows.length === 0) return;
    yield rows.flatMap((r) => present(r) ?? []);
    after = rows[rows.length - 1].id;
    if (rows.length < pageSize) return;
  }
}

const PUBLIC_COLUMNS = ['code', 'category', 'status', 'lat', 'lng', 'areaCode', 'areaName', 'createdAt', 'updatedAt'];
const STAFF_COLUMNS = [
  'id',
  ...PUBLIC_COLUMNS,
  'channel',
  'agencyId',
  'needsTriage',
  'description',
  'reporterName',
  'reporterPhone',
];

/** RFC 4180 quoting; a cell a spreadsheet would run as a formula is prefixed with ' (CSV injection). */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(s) && typeof value === 'string') s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function flat(r: Presented): Record<string, unknown> {
  const reporter = 'reporter' in r ? r.reporter : null;
  return { ...r, reporterName: reporter?.name, reporterPhone: reporter?.phone };
}

/** CSV with a header line; staff columns only when `staff` (rows outside the caller's remit leave them empty). */
export async function* csvChunks(pages: AsyncIterable<Presented[]>, staff: boolean): AsyncGenerator<string> {
  const columns = staff ? STAFF_COLUMNS : PUBLIC_COLUMNS;
  yield columns.join(',') + '\r\n';
  const line = (r: Presented) => {
    const row = flat(r);
    return columns.map((c) => csvCell(row[c])).join(',');
  };
  for await (const page of pages) yield page.map(line).join('\r\n') + '\r\n';
}

/** A GeoJSON FeatureCollection; a report without a public position has a null geometry. */
export async function* geojsonChunks(pages: AsyncIterable<Presented[]>): AsyncGenerator<string> {
  yield '{"type":"FeatureCollection","features":[';
  let first = true;
  for await (const page of pages) {
    if (page.length === 0) continue; // every row of this page withheld from the caller
    const features = page.map((r) => {
      const { lat, lng, ...properties } = r;
      const geometry = lat !== null && lng !== null ? { type: 'Point', coordinates: [lng, lat] } : null;
      return JSON.stringify({ type: 'Feature', id: r.code, geometry, properties });
    });
    yield (first ? '' : ',') + features.join(',');
    first = false;
  }
  yield ']}';
}
