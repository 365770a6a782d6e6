// The uploaded file as rows of cells: CSV (csv-parse) or XLSX (read-excel-file), chosen by the content type.
import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type Table = (string | number | boolean | Date | null)[][];

export async function readTable(bytes: Buffer, type: 'csv' | 'xlsx'): Promise<Table> {
  if (type === 'xlsx') return (await readSheet(bytes)) as Table;
  // Excel writes CSV with a BOM; call centres often use ';' in locales with a decimal comma.
  const firstLine = bytes.toString('utf8', 0, Math.min(bytes.length, 4096)).split(/\r?\n/)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  return parse(bytes, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: false });
}
