// The queue as pages: keyset over a sort key, bounded by the newest report at the first page so the total holds.
import { RESPONSE_STATUSES } from '../../domain/report-status.ts';
import type { Db } from '../db.ts';
import { DISPATCH_COLUMNS, type DispatchReportRow } from './dispatch-reports.ts';

export type QueueSort = 'deadline' | 'age' | 'priority';

// The deadline that applies now (response while waiting for the desk); the statuses are constants of domain/, not input.
const WAITING = RESPONSE_STATUSES.map((s) => `'${s}'`).join(', ');
/** SQL over `reports r`: the deadline that applies to the report now ('infinity' when none). */
export const DEADLINE = `coalesce(CASE WHEN r.status IN (${WAITING}) THEN r.response_due_at ELSE r.due_at END, 'infinity')`;

/** Sort keys, all ascending, each with the type its cursor value is cast back to; the report id breaks ties. */
const SORT_KEYS: Record<QueueSort, { expr: string; type: string }[]> = {
  deadline: [{ expr: DEADLINE, type: 'timestamptz' }],
  age: [{ expr: 'r.created_at', type: 'timestamptz' }],
  priority: [
    { expr: 'coalesce(r.priority, 3)', type: 'int' },
    { expr: DEADLINE, type: 'timestamptz' },
  ],
};

export interface QueueCursor {
  sort: QueueSort;
  /** Sort key values of the last row, as Postgres printed them (exact, microseconds included). */
  keys: string[];
  id: string;
  /** Newest report's place in arrival order (intake_seq; ids are random) when the first page was read: later reports wait for the next first page. */
  asOf: string;
}

export interface QueuePageFilter {
  statuses: string[];
  category?: string;
  agencyId?: string;
  unitId?: string;
  areaCode?: string;
  /** One channel, or `open311` for every Open311 client. */
  channel?: string;
  since?: string;
  overdueOnly?: boolean;
  /** Tracking code, phone number or words of the description (diacritics optional). */
  search?: string;
  sort: QueueSort;
  limit: number;
  after?: QueueCursor;
}

export interface QueuePage {
  rows: DispatchReportRow[];
  total: number;
  next: QueueCursor | null;
}

/** The WHERE of every queue read (page, count, export), with its parameters. */
export function queueWhere(f: Omit<QueuePageFilter, 'sort' | 'limit' | 'after'>, asOf: string) {
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  const where = [`r.status = ANY(${p(f.statuses)}::text[])`, `r.intake_seq <= ${p(asOf)}::bigint`];
  if (f.category) where.push(`r.category = ${p(f.category)}`);
  if (f.agencyId) where.push(`r.agency_id = ${p(f.agencyId)}`);
  if (f.areaCode) where.push(`r.area_code = ${p(f.areaCode)}`);
  if (f.channel) where.push(f.channel === 'open311' ? `r.channel LIKE 'open311:%'` : `r.channel = ${p(f.channel)}`);
  if (f.since) where.push(`r.created_at >= ${p(f.since)}::timestamptz`);
  if (f.unitId)
    where.push(
      `EXISTS (SELECT 1 FROM unit_assignments a WHERE a.report_id = r.id AND a.released_at IS NULL AND a.unit_id = ${p(f.unitId)})`,
    );
  if (f.overdueOnly) where.push(`${DEADLINE} < now()`);
  const search = f.search?.trim();
  if (search) {
    const digits = search.replace(/\D/g, '');
    const alternatives = [
      `r.tracking_code ILIKE ${p(search.replace(/[\\%_]/g, '\\$&') + '%')}`,
      `r.search_tsv @@ plainto_tsquery('simple', ht_fold(${p(search)}))`,
    ];
    // A phone is matched on its last nine digits, so 0912…, +84912… and 84912… are the same number.
    if (digits.length >= 6 && digits.length >= search.replace(/[\s+().-]/g, '').length)
      alternatives.push(
        `right(regexp_replace(coalesce(r.reporter_phone, ''), '\\D', '', 'g'), 9) LIKE ${p('%' + digits.slice(-9))}`,
      );
    if (/^\d{1,18}$/.test(search)) alternatives.push(`r.id = ${p(search)}::bigint`);
    where.push(`(${alternatives.join(' OR ')})`);
  }
  return { where: where.join(' AND '), params, p };
}

export async function newestReportId(db: Db): Promise<string> {
  const { rows } = await db.query<{ id: string }>('SELECT coalesce(max(intake_seq), 0)::text AS id FROM reports');
  return rows[0].id;
}

export async function readQueuePage(db: Db, f: QueuePageFilter): Promise<QueuePage> {
  const asOf = f.after?.asOf ?? (await newestReportId(db));
  const keys = SORT_KEYS[f.sort];
  const { where, params, p } = queueWhere(f, asOf);
  const countSql = `SELECT count(*)::int AS n FROM reports r WHERE ${where}`;
  const countParams = [...params];
  let pageWhere = where;
  if (f.after) {
    const cursorRow = [...keys.map((k, i) => `${p(f.after!.keys[i])}::${k.type}`), `${p(f.after.id)}::bigint`];
    pageWhere += ` AND (${keys.map((k) => k.expr).join(', ')}, r.id) > (${cursorRow.join(', ')})`;
  }
  const keyCols = keys.map((k, i) => `(${k.expr})::text AS sort_key_${i}`).join(', ');
  const order = [...keys.map((k) => k.expr), 'r.id'].join(', ');
  const limit = p(f.limit + 1);
  const [page, count] = await Promise.all([
    db.query<DispatchReportRow & Record<string, string>>(
      `SELECT ${DISPATCH_COLUMNS}, ${keyCols} FROM reports r WHERE ${pageWhere} ORDER BY ${order} LIMIT ${limit}`,
      params,
    ),
    db.query<{ n: number }>(countSql, countParams),
  ]);
  const rows = page.rows.slice(0, f.limit);
  const last = rows[rows.length - 1];
  const next =
    page.rows.length > f.limit && last
      ? { sort: f.sort, keys: keys.map((_, i) => last[`sort_key_${i}`]), id: last.id, asOf }
      : null;
  return { rows, total: count.rows[0].n, next };
}

/** Every report the filters match, in the queue's order, up to `max` (exports). */
export async function readQueueAll(db: Db, f: Omit<QueuePageFilter, 'limit' | 'after'>, max: number) {
  const { where, params, p } = queueWhere(f, await newestReportId(db));
  const order = [...SORT_KEYS[f.sort].map((k) => k.expr), 'r.id'].join(', ');
  const { rows } = await db.query<DispatchReportRow>(
    `SELECT ${DISPATCH_COLUMNS} FROM reports r WHERE ${where} ORDER BY ${order} LIMIT ${p(max)}`,
    params,
  );
  return rows;
}
