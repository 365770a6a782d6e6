// The wall's five KPIs at a replayed moment, from the replayed reports, by the rules of the live answer
// (sql/queries/wall-stats.ts): received since the centre's local midnight, open, overdue, resolved on time (7 d),
// median minutes to triage (first actions in the last 24 h). A log written before deadlines were carried shows
// no report overdue and no on-time share for those reports.
import { RESPONSE_STATUSES, statusesIn } from '../../domain/report-status.ts';
import { onTimePercent, tenthOfMinute, TRIAGE_WINDOW_HOURS, WALL_LOOKBACK_DAYS } from '../../domain/wall-figures.ts';
import type { WallStatsDTO } from '../../ingest/presenters/dto.ts';
import type { ReplayReport } from './replay-log.ts';

export type WallKpiFigures = Pick<
  WallStatsDTO,
  'receivedToday' | 'open' | 'overdue' | 'resolvedOnTimePct' | 'medianTriageMinutes'
>;

const HOUR_MS = 3_600_000;
const OPEN: readonly string[] = statusesIn('response', 'resolution');
const WAITING: readonly string[] = RESPONSE_STATUSES;

/** Midnight (ms) of the local day in `timeZone` that holds `at`. */
export function startOfLocalDay(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  const offset = wall - (at - (((at % 1000) + 1000) % 1000));
  return Date.UTC(part('year'), part('month') - 1, part('day')) - offset;
}

/** percentile_cont(0.5): the middle value, or the mean of the two middle ones. */
function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = xs.sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function replayedWallFigures(reports: readonly ReplayReport[], at: number, timeZone: string): WallKpiFigures {
  const today = startOfLocalDay(at, timeZone);
  const lookback = at - WALL_LOOKBACK_DAYS * 24 * HOUR_MS;
  const triageSince = at - TRIAGE_WINDOW_HOURS * HOUR_MS;
  let receivedToday = 0;
  let open = 0;
  let overdue = 0;
  let known = 0;
  let onTime = 0;
  const triage: number[] = [];
  for (const r of reports) {
    if (r.createdAt > at) continue;
    if (OPEN.includes(r.status)) {
      open++;
      const deadline = WAITING.includes(r.status) ? r.responseDueAt : r.dueAt;
      if (deadline !== null && deadline < at) overdue++;
    }
    if (r.status === 'merged') continue; // a duplicate folded into another is never counted as received
    if (r.createdAt >= today) receivedToday++;
    if (r.createdAt < lookback) continue;
    const resolvedAt = r.resolvedAt !== null && r.resolvedAt <= at ? r.resolvedAt : null;
    if (resolvedAt !== null || (r.dueAt !== null && r.dueAt < at)) known++;
    if (resolvedAt !== null && (r.dueAt === null || resolvedAt <= r.dueAt)) onTime++;
    if (r.actedAt !== null && r.actedAt > triageSince && r.actedAt <= at)
      triage.push((r.actedAt - r.createdAt) / 60_000);
  }
  return {
    receivedToday,
    open,
    overdue,
    resolvedOnTimePct: onTimePercent(onTime, known),
    medianTriageMinutes: tenthOfMinute(median(triage)),
  };
}
