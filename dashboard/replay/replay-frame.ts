// What the screens draw at a replayed moment, derived from a snapshot (replay-log.ts): the reports as the map
// holds them, the counters (/api/v1/stats' shape), hexagon counts for the map's question, and Gi* hot spots.
import { cellToLatLng, cellToParent, getResolution } from 'h3-js';
import type { MultiPolygon, Polygon } from 'geojson';
import { HotspotGrid, studyAreaCells } from '../../geo/hotspot-grid.ts';
import { DISCARDED_STATUSES } from '../../domain/report-status.ts';
import { countReports, type Counts } from '../data/counts.ts';
import type { CellsQuery } from '../data/api.ts';
import type { HexCount, Report } from '../data/types.ts';
import type { HotspotMark } from '../layers/hotspots-layer.ts';
import type { UnitDTO } from '../data/dispatch-types.ts';
import type { ReplayLog, ReplayReport, ReplayUnit } from './replay-log.ts';

const HOUR_MS = 3_600_000;
const WINDOW_MS: Record<string, number> = { '24h': 24 * HOUR_MS, '7d': 7 * 24 * HOUR_MS, '30d': 30 * 24 * HOUR_MS };

/** A replayed hot or cold spot, strongest first; its commune is that of a report in it (none: an empty neighbour). */
export interface ReplayHotspot extends HotspotMark {
  z: number;
  count: number;
  areaCode: string | null;
}

/** The live analysis' settings (ingest/hotspots/hotspot-analysis.ts): res 8, k = 1, the last 24 h. */
export const REPLAY_HOTSPOT_RES = 8;
const HOTSPOT_K = 1;

const asReport = new WeakMap<ReplayReport, Report>();
const parents = new Map<number, Map<string, string>>();

/** The report as the map and the counters take it: placed at its cell's centre (staff log cells are exact). */
export function toReport(r: ReplayReport): Report {
  let out = asReport.get(r);
  if (!out) {
    const [lat, lng] = r.cell ? cellToLatLng(r.cell) : [null, null];
    out = {
      id: r.id,
      code: r.code,
      category: r.category,
      status: r.status,
      lat,
      lng,
      cell: r.cell,
      areaCode: r.areaCode,
      areaName: null,
      createdAt: new Date(r.createdAt).toISOString(),
      updatedAt: new Date(Math.max(r.at, r.createdAt)).toISOString(),
      version: r.version,
      stub: true,
    };
    asReport.set(r, out);
  }
  return out;
}

/** The cell's parent at `res`, remembered: a scrub asks for the same few thousand cells again and again. */
export function parentAt(cell: string, res: number): string | null {
  let memo = parents.get(res);
  if (!memo) parents.set(res, (memo = new Map<string, string>()));
  let p = memo.get(cell);
  if (p === undefined) {
    p = getResolution(cell) < res ? '' : cellToParent(cell, res);
    memo.set(cell, p);
  }
  return p || null;
}

const inWindow = (r: ReplayReport, at: number, window: string | undefined) =>
  r.createdAt <= at && (window === undefined || !(window in WINDOW_MS) || r.createdAt > at - WINDOW_MS[window]);

/** The hexagon counts the map would get from /api/v1/cells for `q`, as they stood at `at`. */
export function replayCells(reports: readonly ReplayReport[], at: number, q: CellsQuery): HexCount[] {
  const counts = new Map<string, number>();
  for (const r of reports) {
    if (!r.cell || !inWindow(r, at, q.window)) continue;
    const hex = parentAt(r.cell, q.res);
    if (hex) counts.set(hex, (counts.get(hex) ?? 0) + 1);
  }
  return Array.from(counts, ([hex, count]) => ({ hex, count }));
}

/** The province's study area at res 8, built once per province (about 15,000 cells for Thanh Hóa). */
export function hotspotGrid(province: (Polygon | MultiPolygon)[]): HotspotGrid {
  return new HotspotGrid(studyAreaCells(province, REPLAY_HOTSPOT_RES), HOTSPOT_K);
}

/**
 * Gi* hot and cold spots of the 24 h before `at`, with the server's study area, neighbourhood and FDR bins
 * (geo/hotspot-grid.ts), so a replayed hot spot is the one the live analysis would have shown then.
 */
export function replayHotspots(grid: HotspotGrid, reports: readonly ReplayReport[], at: number): ReplayHotspot[] {
  const x = new Float64Array(grid.cells.length);
  const areaOf = new Map<number, string>();
  for (const r of reports) {
    if (!r.cell || !inWindow(r, at, '24h') || DISCARDED_STATUSES.includes(r.status)) continue;
    const hex = parentAt(r.cell, REPLAY_HOTSPOT_RES);
    const i = hex === null ? undefined : grid.indexOf(hex);
    if (i === undefined) continue;
    x[i]++;
    if (r.areaCode) areaOf.set(i, r.areaCode);
  }
  const { bins, z } = grid.binStats(x);
  const out: ReplayHotspot[] = [];
  for (let i = 0; i < bins.length; i++)
    if (bins[i] !== 0)
      out.push({ hex: grid.cells[i], bin: bins[i], z: z[i], count: x[i], areaCode: areaOf.get(i) ?? null });
  return out.sort((a, b) => b.z - a.z);
}

/** Everything the screens draw at one replayed moment. */
export interface ReplayFrame {
  at: number;
  reports: Report[];
  /** The same reports as the log holds them (deadlines, first action): what the wall's KPIs are counted from. */
  replayed: ReplayReport[];
  stats: Counts;
  units: ReplayUnit[];
  /** Null until the province's boundary (the study area) is loaded. */
  hotspots: ReplayHotspot[] | null;
  /** The hexagon counts for the map's question (resolution, window). */
  cellsFor: (q: CellsQuery) => HexCount[];
}

export function replayFrame(log: ReplayLog, at: number, grid: HotspotGrid | null): ReplayFrame {
  const snap = log.seek(at);
  const reports = snap.reports.map(toReport);
  return {
    at,
    reports,
    replayed: snap.reports,
    stats: countReports(reports, at),
    units: snap.units,
    hotspots: grid ? replayHotspots(grid, snap.reports, at) : null,
    cellsFor: (q) => replayCells(snap.reports, at, q),
  };
}

/** Replayed units in the shape the dispatch unit layer draws (the log carries no trade or fix time). */
export function replayUnitsAsDto(units: readonly ReplayUnit[]): UnitDTO[] {
  return units.map((u) => ({
    id: u.id,
    agencyId: u.agencyId,
    name: u.name,
    status: u.status,
    lat: u.lat,
    lng: u.lng,
    positionAt: null,
    version: u.version,
    reportIds: u.reportIds,
    trade: null,
  }));
}

/** The newest `n` reports made by the replayed moment, newest first (the list beside the map). */
export function latestOf(reports: readonly Report[], n: number): Report[] {
  // Plain comparison: ISO times order as strings, and localeCompare costs too much for a scrub step.
  const newer = (a: Report, b: Report) => (a.createdAt > b.createdAt ? -1 : a.createdAt < b.createdAt ? 1 : 0);
  return [...reports].sort(newer).slice(0, n);
}
