// Counters computed from the reports held, used per commune and whenever /stats is unavailable.
import type { Report, StatsDTO } from './types.ts';

export interface Counts extends StatsDTO {
  byArea: Record<string, number>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function countReports(reports: Iterable<Report>, now: number = Date.now()): Counts {
  const c: Counts = { total: 0, last24h: 0, byStatus: {}, byCategory: {}, byArea: {} };
  for (const r of reports) {
    c.total++;
    if (now - Date.parse(r.createdAt) <= DAY_MS) c.last24h++;
    c.byStatus[r.status] = (c.byStatus[r.status] ?? 0) + 1;
    c.byCategory[r.category] = (c.byCategory[r.category] ?? 0) + 1;
    if (r.areaCode) c.byArea[r.areaCode] = (c.byArea[r.areaCode] ?? 0) + 1;
  }
  return c;
}

/** Largest first, ties by key, for stable bar lists. */
export function ranked(counts: Record<string, number>, limit = Infinity): [string, number][] {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit);
}
