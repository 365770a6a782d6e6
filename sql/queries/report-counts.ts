// Counting reports from the cell rollups (migrations 0021-0027): per-cell counts for the maps, counters for every screen.
import type { Db } from '../db.ts';

export interface ReportStats {
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
export async function reportStats(db: Db): Promise<ReportStats> {
  const { rows } = await db.query<{
    total: number;
    last24h: number;
    by_status: Record<string, number>;
    by_category: Record<string, number>;
  }>(
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

type CellCountRow = { cell: string; count: number };
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
export async function countByCell(db: Db, f: CellCountFilter): Promise<CellCountRow[]> {
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

async function allTimeCounts(db: Db, f: CellCountFilter): Promise<CellCountRow[]> {
  const match = (category: string, cell: string) =>
    `($2::text IS NULL OR ${category} = $2) AND NOT (${category} = ANY($3::text[])) AND ($4::bigint[] IS NULL OR ${cell} = ANY($4::bigint[]))`;
  const { rows } = await db.query<CellCountRow>(
    addQueued(
      `SELECT cell, n FROM report_cell_totals WHERE res = $1 AND ${match('category', 'cell')}`,
      `SELECT h3_parent(h3_cell, $1) AS cell FROM report_rollup_queue WHERE ${match('category', 'h3_parent(h3_cell, $1)')}`,
    ),
    [f.res, f.category ?? null, f.excludeCategories ?? [], f.within ? toBigints(f.within.cells) : null],
  );
  return rows;
}

async function dailyCounts(db: Db, f: CellCountFilter): Promise<CellCountRow[]> {
  const match = (
    p: string,
    cell: string,
  ) => `($3::text IS NULL OR ${p}.category = $3) AND ($4::text IS NULL OR ${p}.status = $4)
          AND NOT (${p}.category = ANY($5::text[])) AND ($6::bigint[] IS NULL OR ${cell} = ANY($6::bigint[]))`;
  // `first_day` is the first midnight at or after the window's start hour: days from there, hours before it.
  const w = `(SELECT h, CASE WHEN report_day(h) = h THEN h ELSE report_day(h) + interval '1 day' END AS first_day
               FROM (SELECT date_trunc('hour', coalesce($2::timestamptz, '-infinity')) AS h) s) w`;
  const { rows } = await db.query<CellCountRow>(
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

async function hourlyCounts(db: Db, f: CellCountFilter): Promise<CellCountRow[]> {
  if (f.within && !f.within.cells10)
    throw new RangeError(`a res-${f.res} window inside an area needs its res-10 cells`);
  const match = (
    at: string,
    cell10: string,
  ) => `($1::timestamptz IS NULL OR ${at} >= date_trunc('hour', $1::timestamptz))
        AND ($2::text IS NULL OR category = $2) AND ($3::text IS NULL OR status = $3)
        AND NOT (category = ANY($4::text[])) AND ($5::bigint[] IS NULL OR ${cell10} = ANY($5::bigint[]))`;
  const { rows } = await db.query<CellCountRow>(
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

/** Reports of the categories per closed UTC day (before `before`), from the daily rollup and its queue. */
export async function dailyTotalsBefore(
  db: Db,
  categories: string[],
  before: Date,
): Promise<{ day: Date; n: number }[]> {
  // Any one resolution of the daily rollup counts each report once.
  const { rows } = await db.query<{ day: Date; n: number }>(
    `SELECT day, sum(n)::int AS n FROM report_cell_days_live
      WHERE res = 5 AND category = ANY($1::text[]) AND day < $2 GROUP BY day ORDER BY day`,
    [categories, before],
  );
  return rows;
}

/** Counts per cell (res 5-7) of the categories' reports of days before `before`, only cells with at least k. */
export async function countGroupsBefore(
  db: Db,
  f: { categories: string[]; res: number; before: Date; k: number },
): Promise<{ cell: string; count: number }[]> {
  const { rows } = await db.query<{ cell: string; count: number }>(
    `SELECT cell::text AS cell, sum(n)::int AS count FROM report_cell_days_live
      WHERE res = $1 AND category = ANY($2::text[]) AND day < $3 GROUP BY cell HAVING sum(n) >= $4 ORDER BY 1`,
    [f.res, f.categories, f.before, f.k],
  );
  return rows;
}
