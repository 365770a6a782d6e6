// H3 helpers: reports store a fine cell (res 12) as bigint; aggregation uses parents.
import {
  POLYGON_TO_CELLS_FLAGS,
  UNITS,
  cellToChildren,
  cellToLatLng,
  cellToParent,
  getHexagonAreaAvg,
  getResolution,
  gridDisk,
  isValidCell,
  latLngToCell,
  polygonToCellsExperimental,
} from 'h3-js';

/** Resolution stored with every report (~9 m edge): fine enough to derive any coarser parent. */
export const STORED_RES = 12;

export function cellAt(lat: number, lng: number, res: number = STORED_RES): string {
  return latLngToCell(lat, lng, res);
}

export function cellToBigint(cell: string): bigint {
  return BigInt('0x' + cell);
}

export function bigintToCell(value: bigint | string): string {
  return BigInt(value).toString(16);
}

export function parentCell(cell: string, res: number): string {
  return getResolution(cell) <= res ? cell : cellToParent(cell, res);
}

export function cellCentre(cell: string): { lat: number; lng: number } {
  const [lat, lng] = cellToLatLng(cell);
  return { lat, lng };
}

export function isCell(value: string): boolean {
  return isValidCell(value);
}

/**
 * Every cell at `res` that touches the box (west, south, east, north), or null when that is more than
 * `max` cells: callers refuse such a box rather than send a huge list to the database.
 */
/** About how many cells at `res` a box holds, without asking H3 (box area over the average cell area). */
export function approxCellsInBox(box: [number, number, number, number], res: number): number {
  const [w, s, e, n] = box;
  const boxKm2 = (e - w) * 111 * Math.cos(((s + n) / 2) * (Math.PI / 180)) * (n - s) * 111;
  return boxKm2 / getHexagonAreaAvg(res, UNITS.km2);
}

export function cellsCoveringBox(box: [number, number, number, number], res: number, max: number): string[] | null {
  const [w, s, e, n] = box;
  // Cheap upper bound before asking H3.
  if (approxCellsInBox(box, res) > max * 2) return null;
  const ring = [
    [s, w],
    [s, e],
    [n, e],
    [n, w],
    [s, w],
  ];
  const cells = polygonToCellsExperimental(ring, res, POLYGON_TO_CELLS_FLAGS.containmentOverlapping);
  return cells.length > max ? null : cells;
}

/** Every stored (res of `storedCell`) cell inside the `k`-ring of its parent at `res`, as the bigints the table holds. */
export function nearbyStoredCells(storedCell: string | bigint, res: number, k = 1): string[] {
  const cell = typeof storedCell === 'string' && !/^\d+$/.test(storedCell) ? storedCell : bigintToCell(storedCell);
  const storedRes = getResolution(cell);
  return gridDisk(parentCell(cell, res), k)
    .flatMap((c) => cellToChildren(c, storedRes))
    .map((c) => cellToBigint(c).toString());
}
