// Typed SQL over reports. No business rules here: callers decide what to store and who sees what.
import { withTransaction, type Db, type Tx } from '../db.ts';
import { settledHead } from './events.ts';

export interface ReportRow {
  id: string;
  tracking_code: string;
  category: string;
  description: string;
  lat: number;
  lng: number;
  h3_cell: string;
  area_code: string | null;
  area_name: string | null;
  province_code: string | null;
  agency_id: string | null;
  status: string;
  needs_triage: boolean;
  reporter_name: string | null;
  reporter_phone: string | null;
  anonymous: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
  routing_rule_id?: string | null;
  /** Answers to the category's questions, as validated on the way in. */
  answers?: Record<string, string | number | string[]> | null;
}

export interface NewReport {
  category: string;
  description: string;
  lat: number;
  lng: number;
  h3Cell: bigint;
  areaCode: string | null;
  areaName: string | null;
  provinceCode: string | null;
  agencyId: string | null;
  needsTriage: boolean;
  reporterName: string | null;
  reporterPhone: string | null;
  anonymous: boolean;
  source: string;
  /** The routing rule that chose agencyId, recorded so every routing decision can be explained. */
  routingRuleId?: string | null;
  answers?: Record<string, string | number | string[]> | null;
}

const COLUMNS = `id, tracking_code, category, description, lat, lng, h3_cell, area_code, area_name, province_code, agency_id,
  status, needs_triage, reporter_name, reporter_phone, anonymous, version, created_at, updated_at, routing_rule_id::text AS routing_rule_id, answers`;

/** Inserts many reports in one statement; rows come back in input order. */
export async function insertReports(tx: Tx, reports: NewReport[]): Promise<ReportRow[]> {
  if (reports.length === 0) return [];
  const col = <K extends keyof NewReport>(k: K) => reports.map((r) => r[k]);
  // Named: a surge runs this hundreds of times a second, and planning it each time cost Postgres more than the insert.
  const { rows } = await tx.query<ReportRow>({
    name: 'insert-reports',
    text: `INSERT INTO reports (category, description, lat, lng, h3_cell, area_code, area_name, province_code, agency_id,
                          needs_triage, reporter_name, reporter_phone, anonymous, source, routing_rule_id, answers)
     SELECT c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16
       FROM unnest($1::text[], $2::text[], $3::float8[], $4::float8[], $5::bigint[], $6::text[], $7::text[], $8::text[],
                   $9::text[], $10::bool[], $11::text[], $12::text[], $13::bool[], $14::text[], $15::int[], $16::jsonb[])
            WITH ORDINALITY AS t(c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, ord)
      ORDER BY ord
     RETURNING ${COLUMNS}`,
    values: [
      col('category'),
      col('description'),
      col('lat'),
      col('lng'),
      col('h3Cell').map(String),
      col('areaCode'),
      col('areaName'),
      col('provinceCode'),
      col('agencyId'),
      col('needsTriage'),
      col('reporterName'),
      col('reporterPhone'),
      col('anonymous'),
      col('source'),
      reports.map((r) => r.routingRuleId ?? null),
      reports.map((r) => (r.answers && Object.keys(r.answers).length ? JSON.stringify(r.answers) : null)),
    ],
  });
  // Ids follow the ORDER BY, so sorting by id restores input order whatever RETURNING yields.
  return rows.sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)));
}

export async function findReport(db: Db | Tx, id: string): Promise<ReportRow | null> {
  const { rows } = await db.query<ReportRow>(`SELECT ${COLUMNS} FROM reports WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

export interface ReportFilter {
  bbox?: [number, number, number, number];
  since?: string;
  /** Only these reports (what a burst of notices named). */
  ids?: string[];
  limit: number;
}

export interface ReportStatsRow {
  total: number;
  last24h: number;
  byStatus: Record<string, number>;
  byCategory: Record<string, number>;
}

/**
 * Counters for every screen, read from the cell rollups (res-5 rows: a few hundred to a few thousand)
 * rather than by counting the reports: every viewer asks about once a second while reports stream in,
 * and four counts over a million reports took ~180 ms each time. The last 24 h use the created_at index.
 */
export async function reportStats(db: Db): Promise<ReportStatsRow> {
  const { rows } = await db.query(
    `SELECT (SELECT coalesce(sum(n), 0)::int FROM report_cell_totals_live WHERE res = 5) AS total,
            (SELECT count(*)::int FROM reports WHERE created_at > now() - interval '24 hours') AS last24h,
            (SELECT coalesce(jsonb_object_agg(status, n), '{}') FROM
               (SELECT status, sum(n)::int n FROM report_cell_days_live WHERE res = 5 GROUP BY status HAVING sum(n) > 0) s) AS by_status,
            (SELECT coalesce(jsonb_object_agg(category, n), '{}') FROM
               (SELECT category, sum(n)::int n FROM report_cell_totals_live WHERE res = 5 GROUP BY category HAVING sum(n) > 0) c) AS by_category`,
  );
  const r = rows[0];
  return { total: r.total, last24h: r.last24h, byStatus: r.by_status, byCategory: r.by_category };
}

export interface CellCountFilter {
  res: number;
  since?: string;
  category?: string;
  status?: string;
  excludeCategories?: string[];
  /** Only these cells (hex) at `res`; res 8-10 windows also need the same area as res-10 cells (the hourly rollup's key). */
  within?: { cells: string[]; cells10?: string[] };
}

type CellCount = { cell: string; count: number };
const toBigints = (cells: string[]) => cells.map((c) => BigInt('0x' + c).toString());
/** Finest resolution the API answers for the whole province (no viewport): Thanh Hóa is ~15,000 res-8 cells. */
export const WHOLE_AREA_MAX_RES = 8;
/** The finest resolution kept per day in report_cell_days. */
const DAY_ROLLUP_MAX_RES = 7;

/**
 * Report counts per H3 cell at `res` (5-10), from the rollup that fits the question:
 * all time -> report_cell_totals; a window or status at res <= 7 -> whole days from report_cell_days plus
 * the hours before the first whole day; finer windows -> the hourly res-10 rollup. `since` counts whole hours.
 */
export async function countByCell(db: Db, f: CellCountFilter): Promise<CellCount[]> {
  if (!Number.isInteger(f.res) || f.res < 5 || f.res > 10) throw new RangeError(`res ${f.res} outside 5-10`);
  if (!f.since && !f.status) return allTimeCounts(db, f);
  if (f.res <= DAY_ROLLUP_MAX_RES) return dailyCounts(db, f);
  return hourlyCounts(db, f);
}

/**
 * Counts per cell from a rollup plus the reports still queued for it (migration 0027). Each side is grouped
 * on its own before the two are added: grouped after a UNION the planner lost its estimate of the rollup
 * side and chose a plan 1.7x slower (whole province, res 8, 1 M reports).
 * `rollup` yields (cell, n) rows; `queued` yields one (cell) row per queued report that matches.
 */
function addQueued(rollup: string, queued: string, having = 'sum(n) > 0'): string {
  // GROUP BY the bigint column, not the text it is shown as: hashing numbers is ~20 % faster at res 8.
  return `SELECT cell::text AS cell, sum(n)::int AS count FROM (
      SELECT cell, sum(n) AS n FROM (${rollup}) r GROUP BY cell
      UNION ALL
      SELECT cell, count(*) AS n FROM (${queued}) q GROUP BY cell
    ) x GROUP BY x.cell HAVING ${having} ORDER BY 2 DESC`;
}

async function allTimeCounts(db: Db, f: CellCountFilter): Promise<CellCount[]> {
  const match = (category: string, cell: string) =>
    `($2::text IS NULL OR ${category} = $2) AND NOT (${category} = ANY($3::text[])) AND ($4::bigint[] IS NULL OR ${cell} = ANY($4::bigint[]))`;
  const { rows } = await db.query<CellCount>(
    addQueued(
      `SELECT cell, n FROM report_cell_totals WHERE res = $1 AND ${match('category', 'cell')}`,
      `SELECT h3_parent(h3_cell, $1) AS cell FROM report_rollup_queue WHERE ${match('category', 'h3_parent(h3_cell, $1)')}`,
    ),
    [f.res, f.category ?? null, f.excludeCategories ?? [], f.within ? toBigints(f.within.cells) : null],
  );
  return rows;
}

async function dailyCounts(db: Db, f: CellCountFilter): Promise<CellCount[]> {
  const match = (
    p: string,
    cell: string,
  ) => `($3::text IS NULL OR ${p}.category = $3) AND ($4::text IS NULL OR ${p}.status = $4)
          AND NOT (${p}.category = ANY($5::text[])) AND ($6::bigint[] IS NULL OR ${cell} = ANY($6::bigint[]))`;
  // `first_day` is the first midnight at or after the window's start hour: days from there, hours before it.
  const w = `(SELECT h, CASE WHEN report_day(h) = h THEN h ELSE report_day(h) + interval '1 day' END AS first_day
               FROM (SELECT date_trunc('hour', coalesce($2::timestamptz, '-infinity')) AS h) s) w`;
  const { rows } = await db.query<CellCount>(
    addQueued(
      `SELECT d.cell, d.n FROM report_cell_days d, ${w} WHERE d.res = $1 AND d.day >= w.first_day AND ${match('d', 'd.cell')}
       UNION ALL
       SELECT h.cell${f.res}, h.n FROM report_cell_hours h, ${w} WHERE h.hour >= w.h AND h.hour < w.first_day AND ${match('h', `h.cell${f.res}`)}`,
      `SELECT h3_parent(q.h3_cell, $1) AS cell FROM report_rollup_queue q, ${w}
        WHERE q.created_at >= w.h AND ${match('q', 'h3_parent(q.h3_cell, $1)')}`,
    ),
    [
      f.res,
      f.since ?? null,
      f.category ?? null,
      f.status ?? null,
      f.excludeCategories ?? [],
      f.within ? toBigints(f.within.cells) : null,
    ],
  );
  return rows;
}

async function hourlyCounts(db: Db, f: CellCountFilter): Promise<CellCount[]> {
  if (f.within && !f.within.cells10)
    throw new RangeError(`a res-${f.res} window inside an area needs its res-10 cells`);
  const match = (
    at: string,
    cell10: string,
  ) => `($1::timestamptz IS NULL OR ${at} >= date_trunc('hour', $1::timestamptz))
        AND ($2::text IS NULL OR category = $2) AND ($3::text IS NULL OR status = $3)
        AND NOT (category = ANY($4::text[])) AND ($5::bigint[] IS NULL OR ${cell10} = ANY($5::bigint[]))`;
  const { rows } = await db.query<CellCount>(
    addQueued(
      `SELECT cell${f.res} AS cell, n FROM report_cell_hours WHERE ${match('hour', 'cell10')}`,
      `SELECT h3_parent(h3_cell, ${f.res}) AS cell FROM report_rollup_queue WHERE ${match('created_at', 'h3_parent(h3_cell, 10)')}`,
    ),
    [
      f.since ?? null,
      f.category ?? null,
      f.status ?? null,
      f.excludeCategories ?? [],
      f.within ? toBigints(f.within.cells10!) : null,
    ],
  );
  return rows;
}

/** All-time counts of the given categories per cell at `res`, only for cells holding at least `k`. */
export async function countGroupsOfAtLeast(
  db: Db,
  categories: string[],
  res: number,
  k: number,
): Promise<{ cell: string; count: number }[]> {
  const { rows } = await db.query<{ cell: string; count: number }>(
    addQueued(
      'SELECT cell, n FROM report_cell_totals WHERE res = $1 AND category = ANY($2::text[])',
      'SELECT h3_parent(h3_cell, $1) AS cell FROM report_rollup_queue WHERE category = ANY($2::text[])',
      'sum(n) >= $3',
    ),
    [res, categories, k],
  );
  return rows;
}

/**
 * A report list plus the feed position it is consistent with, read in one snapshot. The position is the
 * last SETTLED event (as the tailer reads them), not max(id): an older transaction still open may yet
 * commit events that the feed orders before max(id), and a client resuming from there would miss them.
 * Events after the position may already be in the list; clients drop them by version.
 */
export async function snapshotReports(
  db: Db,
  f: ReportFilter,
): Promise<{ lastEventId: string | null; rows: ReportRow[] }> {
  return withTransaction(db, async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const head = await settledHead(tx);
    const { rows } = await tx.query<ReportRow>(
      `SELECT ${COLUMNS} FROM reports
        WHERE ($1::float8 IS NULL OR (lng BETWEEN $1 AND $3 AND lat BETWEEN $2 AND $4))
          AND ($5::timestamptz IS NULL OR created_at >= $5) AND ($7::bigint[] IS NULL OR id = ANY($7::bigint[]))
        ORDER BY created_at DESC, id DESC LIMIT $6`,
      [
        f.bbox?.[0] ?? null,
        f.bbox?.[1] ?? null,
        f.bbox?.[2] ?? null,
        f.bbox?.[3] ?? null,
        f.since ?? null,
        f.limit,
        f.ids ?? null,
      ],
    );
    return { lastEventId: head.id === '0' ? null : head.id, rows };
  });
}
