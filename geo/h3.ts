// H3 helpers: reports store a fine cell (res 12) as bigint; aggregation uses parents.
import { cellToLatLng, cellToParent, getResolution, isValidCell, latLngToCell } from 'h3-js';

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
