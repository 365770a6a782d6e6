// The wall's figures as the wall reads them: the on-time share as a rounded percentage, times as ISO strings.
import type { WallStats } from '../../sql/queries/wall-stats.ts';
import type { WallStatsDTO } from './dto.ts';
import { onTimePercent, tenthOfMinute } from '../../domain/wall-figures.ts';

export function presentWallStats(row: WallStats, at: Date): WallStatsDTO {
  const trend = (rows: WallStats['hourly']) =>
    rows.map((r) => ({ at: r.at.toISOString(), category: r.category, n: r.n }));
  return {
    at: at.toISOString(),
    receivedToday: row.receivedToday,
    open: row.open,
    overdue: row.overdue,
    resolvedOnTimePct: onTimePercent(row.resolvedOnTime, row.outcomeKnown),
    medianTriageMinutes: tenthOfMinute(row.medianTriageMinutes),
    byAgency: row.byAgency.map((a) => ({
      agencyId: a.agencyId,
      name: a.nameVi,
      nameEn: a.nameEn,
      open: a.open,
      overdue: a.overdue,
    })),
    trends: { hourly: trend(row.hourly), daily: trend(row.daily) },
    timeZone: row.timeZone,
  };
}
