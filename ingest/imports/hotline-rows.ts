// A call centre's export (CSV or XLSX, already read into rows) checked row by row against a column mapping:
// every bad row is named by its number in the file and the field, before anything is written.
import { fieldIssue, reasons, type FieldIssue, type Reason } from '../../domain/errors.ts';
import { fieldIssuesOf, parseChecked } from '../../domain/zod-reasons.ts';
import { reportInputSchema, type ReportInput } from '../schemas/report-input.ts';
import { MAPPED_FIELDS, type MappedField } from '../../domain/import-fields.ts';

export { MAPPED_FIELDS, type MappedField };
export type ColumnMapping = Partial<Record<MappedField, string>> & { category: string; description: string };

export interface RowIssue extends FieldIssue {
  /** The row's number in the file as a spreadsheet shows it (the header is row 1). */
  row: number;
}

export interface CheckedRows {
  good: { row: number; input: ReportInput }[];
  issues: RowIssue[];
  /** Problems of the file itself (a mapped column missing): nothing can be read. */
  fileIssues: FieldIssue[];
}

type Cell = string | number | boolean | Date | null | undefined;

const text = (c: Cell): string =>
  (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString() : String(c)).trim();

export interface RowContext {
  isCategory(code: string): boolean;
  /** A point for an address text (the product's address search), or null. */
  locate(address: string): { lat: number; lng: number } | null;
}

export function checkHotlineRows(
  table: Cell[][],
  mapping: ColumnMapping,
  categoryValues: Record<string, string>,
  ctx: RowContext,
): CheckedRows {
  const [header = [], ...rows] = table;
  const titles = header.map(text);
  const index: Partial<Record<MappedField, number>> = {};
  const fileIssues: FieldIssue[] = [];
  for (const field of MAPPED_FIELDS) {
    const title = mapping[field];
    if (title === undefined) continue;
    const at = titles.indexOf(title.trim());
    if (at < 0) fileIssues.push(fieldIssue(`mapping.${field}`, reasons.columnNotInFile(title)));
    else index[field] = at;
  }
  if (mapping.address === undefined && (mapping.lat === undefined || mapping.lng === undefined))
    fileIssues.push(fieldIssue('mapping', reasons.mapAddressOrPoint));
  const good: CheckedRows['good'] = [];
  const issues: RowIssue[] = [];
  if (fileIssues.length) return { good, issues, fileIssues };
  rows.forEach((cells, i) => {
    const row = i + 2;
    const get = (f: MappedField) => (index[f] === undefined ? '' : text(cells[index[f]]));
    if (cells.every((c) => text(c) === '')) return; // blank lines between blocks of calls
    const rowIssues: RowIssue[] = [];
    const refuse = (field: string, why: Reason) => rowIssues.push({ row, ...fieldIssue(field, why) });
    const label = get('category');
    const category = categoryValues[label] ?? label;
    if (!ctx.isCategory(category)) refuse('category', reasons.unknownCategoryNamed(label));
    let point: { lat: number; lng: number } | null = null;
    if (get('lat') && get('lng')) point = { lat: Number(get('lat')), lng: Number(get('lng')) };
    else if (get('address')) {
      point = ctx.locate(get('address'));
      if (!point) refuse('address', reasons.noPlaceFound(get('address')));
    } else refuse('address', reasons.addressOrPointRequired);
    const name = get('reporterName');
    const phone = get('reporterPhone');
    const parsed = parseChecked(reportInputSchema, {
      category: category || 'x',
      description: get('description'),
      lat: point?.lat ?? 0,
      lng: point?.lng ?? 0,
      channel: 'hotline',
      ...(name || phone ? { reporter: { ...(name && { name }), ...(phone && { phone }) } } : {}),
    });
    if (!parsed.success) for (const issue of fieldIssuesOf(parsed.error)) rowIssues.push({ row, ...issue });
    if (rowIssues.length) issues.push(...rowIssues);
    else if (parsed.success) good.push({ row, input: parsed.data });
  });
  return { good, issues, fileIssues };
}
