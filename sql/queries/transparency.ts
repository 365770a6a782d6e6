// Public accountability figures per commune or per agency over a trailing window: received, resolved on
// time, median time to resolve. Sensitive categories are left out (their per-area counts could point at
// a single report); the route says so in its answer.
import type { Db } from '../db.ts';

export type TransparencyGroup = 'commune' | 'agency';

/** SQL over `reports r`: its outcome is known at `now` (resolved, or past its deadline unresolved): the on-time denominator. */
export const OUTCOME_KNOWN = (now: string) => `(r.resolved_at IS NOT NULL OR r.due_at < ${now})`;
/** SQL over `reports r`: resolved by its deadline (or it had none). */
export const RESOLVED_ON_TIME = '(r.resolved_at IS NOT NULL AND (r.due_at IS NULL OR r.resolved_at <= r.due_at))';

export interface TransparencyStats {
  key: string;
  name: string;
  nameEn: string;
  received: number;
  resolved: number;
  /** Reports whose outcome is known: resolved, or past their deadline unresolved. The on-time denominator. */
  due: number;
  resolvedOnTime: number;
  medianHoursToResolve: number | null;
}

const GROUPS: Record<TransparencyGroup, { key: string; name: string; nameEn: string; join: string }> = {
  commune: { key: 'r.area_code', name: 'max(r.area_name)', nameEn: 'max(r.area_name)', join: '' },
  agency: {
    key: 'r.agency_id',
    name: 'max(a.name_vi)',
    nameEn: 'max(a.name_en)',
    join: 'JOIN agencies a ON a.id = r.agency_id',
  },
};

export async function transparencyStats(
  db: Db,
  opts: { by: TransparencyGroup; days: number; excludeCategories: string[]; now?: Date },
): Promise<TransparencyStats[]> {
  const g = GROUPS[opts.by];
  const { rows } = await db.query<{
    key: string;
    name: string;
    name_en: string;
    received: number;
    resolved: number;
    due: number;
    on_time: number;
    median_hours: number | null;
  }>(
    `SELECT ${g.key} AS key, ${g.name} AS name, ${g.nameEn} AS name_en,
            count(*)::int AS received,
            count(*) FILTER (WHERE r.resolved_at IS NOT NULL)::int AS resolved,
            count(*) FILTER (WHERE ${OUTCOME_KNOWN('$2')})::int AS due,
            count(*) FILTER (WHERE ${RESOLVED_ON_TIME})::int AS on_time,
            (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.resolved_at - r.created_at))
              FILTER (WHERE r.resolved_at IS NOT NULL) / 3600)::float8 AS median_hours
       FROM reports r ${g.join}
      WHERE r.created_at >= $2::timestamptz - make_interval(days => $1)
        AND r.status <> 'merged'
        AND NOT (r.category = ANY ($3::text[]))
        AND ${g.key} IS NOT NULL
      GROUP BY ${g.key}
      ORDER BY received DESC, key`,
    [opts.days, opts.now ?? new Date(), opts.excludeCategories],
  );
  return rows.map((r) => ({
    key: r.key,
    name: r.name,
    nameEn: r.name_en,
    received: r.received,
    resolved: r.resolved,
    due: r.due,
    resolvedOnTime: r.on_time,
    medianHoursToResolve: r.median_hours === null ? null : Math.round(r.median_hours * 10) / 10,
  }));
}
