// Neighbourhoods of a set of H3 cells of one resolution, as a compact graph (CSR), for Gi* over many cells.
// h3-js's gridDisk costs ~2 µs a call (WASM and strings); here each cell is indexed once into typed arrays
// (its base cell and lattice coordinate, computed in plain JS from the index digits) and a neighbour is an
// array lookup. Cells whose disk leaves their base cell (or lies in a pentagon's) ask gridDisk instead, so
// the result always equals it.
import { getBaseCellNumber, getPentagons, getResolution, gridDisk } from 'h3-js';

/** For cell `i`, its neighbours (itself included) are `indices[offsets[i] .. offsets[i + 1])`. */
export interface DiskGraph {
  offsets: Int32Array;
  indices: Int32Array;
}

const BASE_CELLS = 122;
const PENTAGON = new Uint8Array(BASE_CELLS);
for (const p of getPentagons(0)) PENTAGON[getBaseCellNumber(p)] = 1;

// H3's unit vectors for digits 1..6 in (i - k, j - k) coordinates.
const DIGIT_A = Int32Array.of(0, -1, 0, -1, 1, 0, 1);
const DIGIT_B = Int32Array.of(0, -1, 1, 0, 0, -1, 1);

/** The cells as typed arrays: base cell and (a, b) lattice position in that base cell's frame (local IJ). */
interface Lattice {
  res: number;
  base: Uint8Array;
  a: Int32Array;
  b: Int32Array;
}

function latticeOf(cells: readonly string[]): Lattice {
  const n = cells.length;
  const res = n > 0 ? getResolution(cells[0]) : 0;
  const base = new Uint8Array(n);
  const a = new Int32Array(n);
  const b = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    // The index as two 32-bit halves, read by character code (no substrings).
    const cell = cells[i];
    const split = cell.length - 8;
    let hi = 0;
    let lo = 0;
    for (let c = 0; c < cell.length; c++) {
      const ch = cell.charCodeAt(c);
      const v = ch <= 57 ? ch - 48 : (ch | 32) - 87;
      if (c < split) hi = hi * 16 + v;
      else lo = lo * 16 + v;
    }
    if (((hi >>> 20) & 0xf) !== res) throw new RangeError(`cells: all must have resolution ${res}, ${cell} does not`);
    base[i] = (hi >>> 13) & 0x7f;
    let x = 0;
    let y = 0;
    for (let r = 1; r <= res; r++) {
      const p = (15 - r) * 3;
      const d = p >= 32 ? (hi >>> (p - 32)) & 7 : p <= 29 ? (lo >>> p) & 7 : ((lo >>> 30) | (hi << 2)) & 7;
      // Odd resolutions are Class III (H3's _downAp7), even ones Class II (_downAp7r).
      const nx = r & 1 ? 2 * x + y : 3 * x - y;
      const ny = r & 1 ? -x + 3 * y : x + 2 * y;
      x = nx + DIGIT_A[d];
      y = ny + DIGIT_B[d];
    }
    a[i] = x;
    b[i] = y;
  }
  return { res, base, a, b };
}

/** Whether lattice position (a, b) at `res` lies in the base cell at the origin (it climbs to 0, 0 at res 0). */
function insideBaseCell(a: number, b: number, res: number): boolean {
  for (let r = res; r >= 1; r--) {
    const na = r & 1 ? Math.round((3 * a - b) / 7) : Math.round((2 * a + b) / 7);
    const nb = r & 1 ? Math.round((a + 2 * b) / 7) : Math.round((3 * b - a) / 7);
    a = na;
    b = nb;
  }
  return a === 0 && b === 0;
}

/** Lattice offsets of a disk of radius k (hex distance in (a, b): max(|da|,|db|) if same sign, else |da|+|db|). */
function diskOffsets(k: number): { da: Int32Array; db: Int32Array } {
  const da: number[] = [];
  const db: number[] = [];
  for (let x = -k; x <= k; x++)
    for (let y = -k; y <= k; y++)
      if ((x * y >= 0 ? Math.max(Math.abs(x), Math.abs(y)) : Math.abs(x) + Math.abs(y)) <= k) {
        da.push(x);
        db.push(y);
      }
  return { da: Int32Array.from(da), db: Int32Array.from(db) };
}

/**
 * Finds a cell by (base cell, a, b): one dense Int32Array over each base cell's bounding box when the cells
 * fill it (a contiguous area), else a hash map on a numeric key.
 */
class LatticeIndex {
  private readonly minA = new Int32Array(BASE_CELLS).fill(2 ** 30);
  private readonly maxA = new Int32Array(BASE_CELLS).fill(-(2 ** 30));
  private readonly minB = new Int32Array(BASE_CELLS).fill(2 ** 30);
  private readonly maxB = new Int32Array(BASE_CELLS).fill(-(2 ** 30));
  private readonly start = new Int32Array(BASE_CELLS);
  readonly width = new Int32Array(BASE_CELLS);
  readonly grid: Int32Array | null = null;
  private readonly byKey: Map<number, number> | null = null;

  constructor({ base, a, b }: Lattice) {
    const n = base.length;
    for (let i = 0; i < n; i++) {
      const bc = base[i];
      if (a[i] < this.minA[bc]) this.minA[bc] = a[i];
      if (a[i] > this.maxA[bc]) this.maxA[bc] = a[i];
      if (b[i] < this.minB[bc]) this.minB[bc] = b[i];
      if (b[i] > this.maxB[bc]) this.maxB[bc] = b[i];
    }
    let size = 0;
    for (let bc = 0; bc < BASE_CELLS; bc++) {
      if (this.maxA[bc] < this.minA[bc]) continue;
      this.start[bc] = size;
      this.width[bc] = this.maxB[bc] - this.minB[bc] + 1;
      size += (this.maxA[bc] - this.minA[bc] + 1) * this.width[bc];
    }
    if (size > 16 * n + 4096) {
      this.byKey = new Map();
      for (let i = 0; i < n; i++) this.byKey.set(LatticeIndex.key(base[i], a[i], b[i]), i);
      return;
    }
    this.grid = new Int32Array(size).fill(-1);
    for (let i = 0; i < n; i++) this.grid[this.slot(base[i], a[i], b[i])] = i;
  }

  private static key(bc: number, a: number, b: number): number {
    const half = 2 ** 22; // lattice coordinates stay within ±7^7.5 ≈ 2.1e6 up to res 15
    return (bc * 2 ** 23 + a + half) * 2 ** 23 + b + half;
  }

  private slot(bc: number, a: number, b: number): number {
    if (a < this.minA[bc] || a > this.maxA[bc] || b < this.minB[bc] || b > this.maxB[bc]) return -1;
    return this.start[bc] + (a - this.minA[bc]) * this.width[bc] + (b - this.minB[bc]);
  }

  /** The dense slot of (bc, a, b) when its whole disk of radius k lies in the box, else -1. */
  interiorSlot(bc: number, a: number, b: number, k: number): number {
    if (this.grid === null) return -1;
    if (a - k < this.minA[bc] || a + k > this.maxA[bc] || b - k < this.minB[bc] || b + k > this.maxB[bc]) return -1;
    return this.start[bc] + (a - this.minA[bc]) * this.width[bc] + (b - this.minB[bc]);
  }

  /** The index of the cell at (bc, a, b), or -1. */
  find(bc: number, a: number, b: number): number {
    if (this.grid === null) return this.byKey?.get(LatticeIndex.key(bc, a, b)) ?? -1;
    const s = this.slot(bc, a, b);
    return s < 0 ? -1 : this.grid[s];
  }
}

/** The grid disk of radius `k` (self included) of every cell, restricted to `cells`, as indices into `cells`. */
export function diskGraph(cells: readonly string[], k: number): DiskGraph {
  if (!Number.isInteger(k) || k < 0 || k > 10) throw new RangeError('k: an integer from 0 to 10');
  const n = cells.length;
  const lattice = latticeOf(cells);
  const { res, base, a, b } = lattice;
  const index = new LatticeIndex(lattice);
  const { da, db } = diskOffsets(k);
  const size = da.length;
  const rel = new Int32Array(size); // where each offset lies in the dense grid, for the current base cell
  let relOf = -1;
  let byCell: Map<string, number> | null = null; // built only if some disk leaves its base cell
  const offsets = new Int32Array(n + 1);
  let indices = new Int32Array(Math.max(16, n * Math.min(size, 8)));
  let m = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = m;
    if (m + size > indices.length) indices = grow(indices, m + size);
    const bc = base[i];
    if (PENTAGON[bc] === 0) {
      // The slot of the centre when the whole disk lies inside this base cell's box (no bounds to check).
      const s = index.interiorSlot(bc, a[i], b[i], k);
      if (s >= 0 && relOf !== bc)
        for (let o = 0, w = index.width[(relOf = bc)]; o < size; o++) rel[o] = da[o] * w + db[o];
      let leaves = false;
      for (let o = 0; o < size && !leaves; o++) {
        const j = s >= 0 ? index.grid![s + rel[o]] : index.find(bc, a[i] + da[o], b[i] + db[o]);
        if (j >= 0) indices[m++] = j;
        // A missing neighbour is outside the study area, unless it lies in another base cell.
        else if (!insideBaseCell(a[i] + da[o], b[i] + db[o], res)) leaves = true;
      }
      if (!leaves) continue;
    }
    byCell ??= new Map(cells.map((c, j) => [c, j]));
    m = offsets[i]; // the disk crosses into another base cell: let H3 answer for this one
    for (const c of gridDisk(cells[i], k)) {
      const j = byCell.get(c);
      if (j === undefined) continue;
      if (m === indices.length) indices = grow(indices, m + 1);
      indices[m++] = j;
    }
  }
  offsets[n] = m;
  return { offsets, indices: indices.subarray(0, m) };
}

function grow(array: Int32Array<ArrayBuffer>, atLeast: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(Math.max(array.length * 2, atLeast));
  grown.set(array);
  return grown;
}
