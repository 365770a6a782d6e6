// A power or water company's cut schedule (CSV) -> scheduled outage alerts. Columns (Vietnamese or English
// headers): area (commune codes or names, separated by ';'), start, end, reason. Every row is checked
// before anything is written; each problem is named by row and column.
import { parse } from 'csv-parse/sync';
import { fold } from '../../geo/vn-text.ts';
import { fieldIssue, reasons, type FieldIssue, type Reason } from '../../domain/errors.ts';
import type { AlertInput } from '../schemas/alert-input.ts';

const HEADERS: Record<string, 'area' | 'start' | 'end' | 'reason'> = {
  area: 'area',
  'khu vuc': 'area',
  'xa phuong': 'area',
  start: 'start',
  'bat dau': 'start',
  end: 'end',
  'ket thuc': 'end',
  reason: 'reason',
  'ly do': 'reason',
};

export interface ScheduledOutage {
  input: AlertInput;
  publishAt: Date;
}

export interface CommuneName {
  code: string;
  name: string;
  full_name: string;
}

/** A commune by code, exact name, or name without diacritics when that is unambiguous. */
function communeMatcher(communes: CommuneName[]) {
  const byCode = new Set(communes.map((c) => c.code));
  const exact = new Map<string, string[]>();
  const folded = new Map<string, string[]>();
  const add = (m: Map<string, string[]>, k: string, code: string) =>
    m.set(k, [...new Set([...(m.get(k) ?? []), code])]);
  for (const c of communes)
    for (const n of [c.name, c.full_name]) {
      add(exact, n.normalize('NFC').toLowerCase(), c.code);
      add(folded, fold(n), c.code);
    }
  return (raw: string): { code: string } | { error: Reason } => {
    const text = raw.trim();
    if (byCode.has(text)) return { code: text };
    const hit = exact.get(text.normalize('NFC').toLowerCase()) ?? folded.get(fold(text)) ?? [];
    if (hit.length === 1) return { code: hit[0] };
    return { error: hit.length ? reasons.ambiguousCommune(text) : reasons.unknownCommune(text) };
  };
}

const TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:?\d{2})?$/;
/** Times without an offset are the province's own (UTC+7), as a company's schedule is written. */
const toDate = (s: string) =>
  new Date(/(Z|[+-]\d{2}:?\d{2})$/.test(s) ? s.replace(' ', 'T') : `${s.replace(' ', 'T')}+07:00`);

export function parseOutageSchedule(
  csv: string,
  communes: CommuneName[],
  opts: { utility: 'power' | 'water'; leadMinutes: number; now: Date },
): { outages: ScheduledOutage[]; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  let records: Record<string, string>[];
  try {
    records = parse(csv.replace(/^\uFEFF/, ''), {
      columns: (header: string[]) => header.map((h) => HEADERS[fold(h)] ?? h),
      skip_empty_lines: true,
      trim: true,
    });
  } catch (e) {
    return { outages: [], issues: [fieldIssue('csv', reasons.unreadableCsv((e as Error).message))] };
  }
  if (records.length === 0) issues.push(fieldIssue('csv', reasons.noRows));
  if (records.length > 500) issues.push(fieldIssue('csv', reasons.atMostRows(500)));
  const match = communeMatcher(communes);
  const what = opts.utility === 'power' ? { vi: 'cắt điện', en: 'Power cut' } : { vi: 'cắt nước', en: 'Water cut' };
  const outages: ScheduledOutage[] = [];
  records.slice(0, 500).forEach((r, i) => {
    const at = (col: string) => `rows.${i + 1}.${col}`;
    const before = issues.length;
    for (const col of ['area', 'start', 'end'] as const)
      if (!r[col]) issues.push(fieldIssue(at(col), reasons.outageColumnRequired));
    const codes: string[] = [];
    for (const part of (r.area ?? '').split(';').filter((p) => p.trim())) {
      const m = match(part);
      if ('code' in m) codes.push(m.code);
      else issues.push(fieldIssue(at('area'), m.error));
    }
    for (const col of ['start', 'end'] as const)
      if (r[col] && !TIME.test(r[col])) issues.push(fieldIssue(at(col), reasons.localTime));
    if (issues.length > before) return;
    const start = toDate(r.start);
    const end = toDate(r.end);
    if (!(end > start)) return void issues.push(fieldIssue(at('end'), reasons.mustBeAfter('start')));
    if (end <= opts.now) return void issues.push(fieldIssue(at('end'), reasons.alreadyPast));
    const reason = r.reason ?? '';
    const hhmm = (d: Date) =>
      d.toLocaleString('vi-VN', {
        timeZone: 'Asia/Ho_Chi_Minh',
        hour: '2-digit',
        minute: '2-digit',
        day: '2-digit',
        month: '2-digit',
      });
    outages.push({
      publishAt: new Date(start.getTime() - opts.leadMinutes * 60_000),
      input: {
        title: `Lịch ${what.vi} ${hhmm(start)} – ${hhmm(end)}`,
        body: `Tạm ngừng cung cấp ${opts.utility === 'power' ? 'điện' : 'nước'} từ ${hhmm(start)} đến ${hhmm(end)}.${reason ? ` Lý do: ${reason}.` : ''}`,
        titleEn: `${what.en} ${hhmm(start)} – ${hhmm(end)}`,
        bodyEn: `Supply interrupted from ${start.toISOString()} to ${end.toISOString()}.${reason ? ` Reason: ${reason}.` : ''}`,
        category: 'outage',
        severity: 'Minor',
        urgency: 'Expected',
        certainty: 'Likely',
        effective: start.toISOString(),
        expires: end.toISOString(),
        area: { communes: [...new Set(codes)] },
      },
    });
  });
  return { outages: issues.length ? [] : outages, issues };
}
