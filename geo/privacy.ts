// The privacy model for public output, in one place (README "Privacy"):
// - non-sensitive reports: a public row, positioned at their res-9 cell centre, never the exact point;
// - sensitive categories (security, misconduct): NO public row at all (list, by id, live notice, Open311, tracking
//   pages show their holder the status only), and only counts per res-7 cell (~5 km²), only where >= k reports share
//   the cell, and only as of the last *published batch*: a batch closes at a UTC midnight once at least k sensitive
//   reports arrived since the previous one. The live stream never moves a public sensitive count, so comparing
//   counts before and after a report cannot single it out; comparing two batches hides it among >= k reports.
import { cellToLatLng, cellToParent, getResolution, isValidCell, latLngToCell } from 'h3-js';

export interface PrivacyOptions {
  /** Non-sensitive reports are snapped to the centre of their cell at this resolution (9: ~0.1 km²). */
  publicRes?: number;
  /** Sensitive reports are only ever counted per cell at this resolution (7: ~5 km²). */
  sensitiveRes?: number;
  /** A sensitive count is published only when at least k reports share the cell. */
  k?: number;
}

export const PUBLIC_RES = 9;
export const SENSITIVE_RES = 7;
export const MIN_GROUP = 3;

/** What one audience may count per cell: how fine, which categories per fine cell, and how the rest appear. */
export interface CellCountRule {
  maxRes: number;
  excludeCategories: string[];
  /** Sensitive categories as coarse, k-anonymous all-time counts; null when the audience sees them like any other. */
  sensitiveGroups: { categories: string[]; res: number; k: number } | null;
}

/**
 * Staff count anything at any resolution. The public is held to res PUBLIC_RES (its positions are snapped to
 * res-9 centres; finer counts would hand that precision back) and sees sensitive categories only as groups.
 */
export function cellCountRule(staff: boolean, sensitiveCategories: Iterable<string>): CellCountRule {
  if (staff) return { maxRes: 15, excludeCategories: [], sensitiveGroups: null };
  const categories = [...sensitiveCategories];
  return {
    maxRes: PUBLIC_RES,
    excludeCategories: categories,
    sensitiveGroups: { categories, res: SENSITIVE_RES, k: MIN_GROUP },
  };
}

/** Whether a report may appear as a row of its own in any public output. */
export const mayPublishReportRow = (sensitive: boolean): boolean => !sensitive;

const DAY_MS = 86_400_000;

/**
 * The end of the last published batch of sensitive reports, from their counts per closed UTC day (ascending):
 * days accumulate until they hold at least k reports, then that batch closes at the next midnight. Null: none yet.
 */
export function sensitiveBatchCutoff(closedDays: { day: Date; n: number }[], k = MIN_GROUP): Date | null {
  let pending = 0;
  let cutoff: Date | null = null;
  for (const { day, n } of closedDays) {
    pending += n;
    if (pending >= k) {
      cutoff = new Date(day.getTime() + DAY_MS);
      pending = 0;
    }
  }
  return cutoff;
}

/** The start of the current UTC day: only days before it are closed. */
export const startOfUtcDay = (now: Date): Date => new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);

export interface PublicLocation {
  cell: string;
  lat: number;
  lng: number;
}

export interface SensitiveCount {
  cell: string;
  count: number;
  lat: number;
  lng: number;
}

function checkedOptions(options: PrivacyOptions): Required<PrivacyOptions> {
  const o = { publicRes: PUBLIC_RES, sensitiveRes: SENSITIVE_RES, k: MIN_GROUP, ...options };
  for (const key of ['publicRes', 'sensitiveRes'] as const) {
    if (!Number.isInteger(o[key]) || o[key] < 0 || o[key] > 15)
      throw new RangeError(`${key} must be an integer 0..15, got ${o[key]}`);
  }
  if (!Number.isInteger(o.k) || o.k < 1) throw new RangeError(`k must be an integer >= 1, got ${o.k}`);
  return o;
}

/**
 * Where a report may be shown publicly. Sensitive categories get no location at all (null):
 * even a coarse cell of a single report can point at a house, so they only appear in sensitiveCounts.
 */
export function publicLocation(
  point: { lat: number; lng: number },
  sensitive: boolean,
  options: PrivacyOptions = {},
): PublicLocation | null {
  const { lat, lng } = point;
  const { publicRes } = checkedOptions(options);
  if (sensitive) return null;
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90)
    throw new RangeError(`not a location: ${lat}, ${lng}`);
  const cell = latLngToCell(lat, lng, publicRes);
  const [cLat, cLng] = cellToLatLng(cell);
  return { cell, lat: cLat, lng: cLng };
}

/**
 * Public counts of sensitive reports per cell at sensitiveRes, from their stored (finer) cells.
 * Cells holding fewer than k reports are left out entirely, not shown as 0 or "<k".
 */
export function sensitiveCounts(cells: Iterable<string>, options: PrivacyOptions = {}): SensitiveCount[] {
  const { sensitiveRes, k } = checkedOptions(options);
  const counts = new Map<string, number>();
  for (const cell of cells) {
    if (!isValidCell(cell)) throw new RangeError(`not an H3 cell: ${cell}`);
    const res = getResolution(cell);
    if (res < sensitiveRes) throw new RangeError(`cell ${cell} is coarser (res ${res}) than res ${sensitiveRes}`);
    const parent = res === sensitiveRes ? cell : cellToParent(cell, sensitiveRes);
    counts.set(parent, (counts.get(parent) ?? 0) + 1);
  }
  const out: SensitiveCount[] = [];
  for (const [cell, count] of counts) {
    if (count < k) continue;
    const [lat, lng] = cellToLatLng(cell);
    out.push({ cell, count, lat, lng });
  }
  // Stable order so identical inputs publish identical documents.
  return out.sort((a, b) => (a.cell < b.cell ? -1 : a.cell > b.cell ? 1 : 0));
}

/**
 * The same rule from a stored (finer) cell, for callers that no longer hold the point (live notices).
 * Snapshot and notice both derive from the stored cell, so a report never jumps between the two.
 */
export function publicCellOf(
  storedCell: string,
  sensitive: boolean,
  options: PrivacyOptions = {},
): PublicLocation | null {
  const cell = publicCellIdOf(storedCell, sensitive, options);
  if (cell === null) return null;
  const [lat, lng] = cellToLatLng(cell);
  return { cell, lat, lng };
}

/** The same rule, the cell alone: a live notice carries no centre, and the feed presents every event. */
export function publicCellIdOf(storedCell: string, sensitive: boolean, options?: PrivacyOptions): string | null {
  const publicRes = options ? checkedOptions(options).publicRes : PUBLIC_RES;
  if (sensitive) return null;
  if (!isValidCell(storedCell)) throw new RangeError(`not an H3 cell: ${storedCell}`);
  return getResolution(storedCell) > publicRes ? cellToParent(storedCell, publicRes) : storedCell;
}
