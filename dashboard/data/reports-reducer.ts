// Pure state machine for snapshot + live notices: the version held per report decides what applies.
import { cellToLatLng, isValidCell } from 'h3-js';
import type { Report, ReportNotice, ReportSnapshotDTO } from './types.ts';

export interface ReportsState {
  reports: Record<string, Report>;
  lastEventId: string | null;
  loaded: boolean;
}

export type ReportsAction =
  | { type: 'snapshot'; snapshot: ReportSnapshotDTO }
  | { type: 'notice'; notice: ReportNotice }
  /**
   * A burst applied in one render; same result as applying each notice in order. `upTo` is the feed
   * position a server batch completes (it may name an event this audience does not see): resume from it.
   */
  | { type: 'notices'; notices: ReportNotice[]; upTo?: string }
  | { type: 'details'; report: Report };

export const initialReportsState: ReportsState = { reports: {}, lastEventId: null, loaded: false };

/** Reports a screen holds at most: a wall display left on for a week must not grow without bound. */
export const MAX_HELD_REPORTS = 20_000;

/** Past the cap by a tenth, drop the reports that changed longest ago (trimming in steps keeps it rare). */
function capped(reports: Record<string, Report>, max = MAX_HELD_REPORTS): Record<string, Report> {
  const ids = Object.keys(reports);
  if (ids.length <= max + Math.ceil(max / 10)) return reports;
  const keep = ids
    .map((id) => reports[id])
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))
    .slice(0, max);
  return Object.fromEntries(keep.map((r) => [r.id, r]));
}

/** Event ids are bigint decimal strings: compare numerically, not lexically. */
export function maxEventId(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return BigInt(b) > BigInt(a) ? b : a;
}

function centreOf(cell: string | null): { lat: number | null; lng: number | null } {
  if (!cell || !isValidCell(cell)) return { lat: null, lng: null };
  const [lat, lng] = cellToLatLng(cell);
  return { lat, lng };
}

function stubFromNotice(n: ReportNotice): Report {
  return {
    id: n.reportId,
    code: n.code,
    category: n.category,
    status: n.status,
    version: n.version,
    cell: n.cell,
    ...centreOf(n.cell),
    areaCode: n.areaCode,
    areaName: null,
    createdAt: n.at,
    updatedAt: n.at,
    stub: true,
  };
}

function applyNotice(held: Report | undefined, n: ReportNotice): Report | undefined {
  if (!held) return stubFromNotice(n);
  if (n.version <= held.version) return undefined;
  const moved = n.cell !== null && n.cell !== held.cell && held.stub === true;
  return {
    ...held,
    status: n.status,
    version: n.version,
    category: n.category,
    areaCode: n.areaCode ?? held.areaCode,
    updatedAt: n.at,
    ...(moved ? { cell: n.cell, ...centreOf(n.cell) } : {}),
  };
}

/** Keep whichever copy has the higher version, so a refetch never rolls back a newer notice. */
function newer(held: Report | undefined, incoming: Report): Report {
  return held && held.version > incoming.version ? held : incoming;
}

const handlers: {
  [K in ReportsAction['type']]: (s: ReportsState, a: Extract<ReportsAction, { type: K }>) => ReportsState;
} = {
  snapshot(s, { snapshot }) {
    const reports: Record<string, Report> = {};
    for (const r of snapshot.reports) reports[r.id] = newer(s.reports[r.id], r);
    for (const [id, r] of Object.entries(s.reports)) if (!reports[id]) reports[id] = r; // created after the snapshot was taken
    return { reports: capped(reports), lastEventId: maxEventId(s.lastEventId, snapshot.lastEventId), loaded: true };
  },
  notice(s, { notice }) {
    return handlers.notices(s, { type: 'notices', notices: [notice] });
  },
  notices(s, { notices, upTo }) {
    // One copy of the map per burst, not one per notice.
    let reports: Record<string, Report> | null = null;
    let lastEventId = s.lastEventId;
    for (const notice of notices) {
      lastEventId = maxEventId(lastEventId, notice.eventId);
      const next = applyNotice((reports ?? s.reports)[notice.reportId], notice);
      if (!next) continue;
      reports ??= { ...s.reports };
      reports[notice.reportId] = next;
    }
    lastEventId = maxEventId(lastEventId, upTo ?? null);
    if (!reports && lastEventId === s.lastEventId) return s;
    return { ...s, lastEventId, reports: reports ? capped(reports) : s.reports };
  },
  details(s, { report }) {
    const held = s.reports[report.id];
    if (held && held.version > report.version) return s;
    return { ...s, reports: { ...s.reports, [report.id]: { ...report } } };
  },
};

export function reportsReducer(state: ReportsState, action: ReportsAction): ReportsState {
  return (handlers[action.type] as (s: ReportsState, a: ReportsAction) => ReportsState)(state, action);
}

/** Newest first by creation time, then by code for a stable order. */
export function latestReports(state: ReportsState, limit = 50): Report[] {
  return Object.values(state.reports)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.code.localeCompare(a.code))
    .slice(0, limit);
}
