// The wall's figures, counted from the reports at `now` (ingest/routes/api/wall-stats.ts shares one answer a few
// seconds between walls). Days are the centre's local days (settings.sla_timezone, Viet Nam by default).
import { statusesIn } from '../../domain/report-status.ts';
import { DEFAULT_TIME_ZONE, TRIAGE_WINDOW_HOURS, WALL_LOOKBACK_DAYS } from '../../domain/wall-figures.ts';
import type { Db } from '../db.ts';
import { DEADLINE } from './queue-page.ts';
import { OUTCOME_KNOWN, RESOLVED_ON_TIME } from './transparency.ts';

/** Waiting for the desk or being worked on: what "open" and "overdue" count. */
const OPEN = statusesIn('response', 'resolution');
const TZ = `(SELECT coalesce((SELECT value FROM settings WHERE key = 'sla_timezone'), '${DEFAULT_TIME_ZONE}'))`;
// A merged report is a duplicate folded into another: never counted as received (as on the transparency page).
const COUNTED = `r.status <> 'merged' AND r.created_at <= $1`;

export interface WallAgencyCounts {
  agencyId: string | null;
  nameVi: string | null;
  nameEn: string | null;
  open: number;
  overdue: number;
}

export interface WallTrendRow {
  at: Date;
  category: string;
  n: number;
}

export interface WallStats {
  receivedToday: number;
  open: number;
  overdue: number;
  /** Reports received in the last 7 days whose outcome is known, and those of them resolved by their deadline. */
  outcomeKnown: number;
  resolvedOnTime: number;
  /** Median minutes from receipt to the desk's first action, over reports received in the last 7 days and
   * first acted on in the last 24 h; null when none. */
  medianTriageMinutes: number | null;
  /** Every agency with open reports (null: not routed to one), most overdue first. */
  byAgency: WallAgencyCounts[];
  /** Reports per category: per clock hour over the last 24 h, per local day over the last 7 (oldest first, zeros included). */
  hourly: WallTrendRow[];
  daily: WallTrendRow[];
  /** The centre's time zone (its days). */
  timeZone: string;
}

export async function wallStats(db: Db, now: Date): Promise<WallStats> {
  const lookback = `$1::timestamptz - make_interval(days => ${WALL_LOOKBACK_DAYS})`;
  const [head, agencies, hourly, daily] = await Promise.all([
    db.query<{
      received_today: number;
      outcome_known: number;
      on_time: number;
      median_triage: number | null;
      time_zone: string;
    }>(
      `SELECT (SELECT count(*)::int FROM reports r WHERE ${COUNTED} AND r.created_at >= date_trunc('day', $1::timestamptz, ${TZ})) AS received_today,
              count(*) FILTER (WHERE ${OUTCOME_KNOWN('$1')})::int AS outcome_known,
              count(*) FILTER (WHERE ${RESOLVED_ON_TIME})::int AS on_time,
              (SELECT (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.at - r.created_at)) / 60)::float8
                 FROM reports r JOIN report_timeline t ON t.report_id = r.id AND t.from_status = 'received' AND t.to_status <> 'received'
                WHERE ${COUNTED} AND r.created_at >= ${lookback} AND t.at > $1::timestamptz - interval '${TRIAGE_WINDOW_HOURS} hours' AND t.at <= $1) AS median_triage,
              ${TZ} AS time_zone
         FROM reports r WHERE ${COUNTED} AND r.created_at >= ${lookback}`,
      [now],
    ),
    db.query<{
      agency_id: string | null;
      name_vi: string | null;
      name_en: string | null;
      open: number;
      overdue: number;
    }>(
      `SELECT r.agency_id, a.name_vi, a.name_en, count(*)::int AS open, count(*) FILTER (WHERE ${DEADLINE} < $1)::int AS overdue
         FROM reports r LEFT JOIN agencies a ON a.id = r.agency_id
        WHERE r.status = ANY ($2::text[]) AND r.created_at <= $1
        GROUP BY 1, 2, 3 ORDER BY overdue DESC, open DESC, 1`,
      [now, OPEN],
    ),
    trend(db, now, 'hour', `date_trunc('hour', $1::timestamptz) - interval '23 hours'`),
    trend(db, now, 'day', `date_trunc('day', $1::timestamptz, ${TZ}) - interval '6 days'`),
  ]);
  const h = head.rows[0];
  const byAgency = agencies.rows.map((a) => ({
    agencyId: a.agency_id,
    nameVi: a.name_vi,
    nameEn: a.name_en,
    open: a.open,
    overdue: a.overdue,
  }));
  return {
    receivedToday: h.received_today,
    open: byAgency.reduce((n, a) => n + a.open, 0),
    overdue: byAgency.reduce((n, a) => n + a.overdue, 0),
    outcomeKnown: h.outcome_known,
    resolvedOnTime: h.on_time,
    medianTriageMinutes: h.median_triage,
    byAgency,
    hourly,
    daily,
    timeZone: h.time_zone,
  };
}

/** Reports per category per bin from `first` to the bin of `now`, for the categories seen in any bin. */
async function trend(db: Db, now: Date, bin: 'hour' | 'day', first: string): Promise<WallTrendRow[]> {
  const binOf = bin === 'hour' ? `date_trunc('hour', r.created_at)` : `date_trunc('day', r.created_at, ${TZ})`;
  const { rows } = await db.query<WallTrendRow>(
    `WITH counts AS (
       SELECT ${binOf} AS at, r.category, count(*)::int AS n FROM reports r
        WHERE ${COUNTED} AND r.created_at >= ${first} GROUP BY 1, 2)
     SELECT b.at, c.category, coalesce(counts.n, 0)::int AS n
       FROM generate_series(${first}, $1::timestamptz, interval '1 ${bin}') b(at)
      CROSS JOIN (SELECT DISTINCT category FROM counts) c
       LEFT JOIN counts ON counts.at = b.at AND counts.category = c.category
      ORDER BY 1, 2`,
    [now],
  );
  return rows;
}
