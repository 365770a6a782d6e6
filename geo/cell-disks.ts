// Neighbourhoods of a set of H3 cells of one resolution, as a compact graph (CSR), for Gi* over many cells.
// h3-js's gridDisk costs ~2 µs a call (WASM and strings); here a cell's lattice coordinate inside its base
// cell is computed in plain JS from the index digits, and a neighbour is a hash lookup. Cells whose disk
// leaves their base cell (or lies in a pentagon's) ask gridDisk instead, so the result always equals it.
import { getPentagons, getResolution, gridDisk } from 'h3-js';

/** For cell `i`, its neighbours (itself included) are `indices[offsets[i] .. offsets[i + 1])`. */
export interface DiskGraph {
  offsets: Int32Array;
  indices: Int32Array;
}

const PENTAGON_BASE_CELLS = new Set(getPentagons(0).map((c) => parseHex(c).baseCell));
const HALF = 2 ** 22; // lattice coordinates stay within ±7^7.5 ≈ 2.1e6 up to res 15

function parseHex(cell: string): { hi: number; lo: number; res: number; baseCell: number } {
  // By character codes: slice + parseInt allocated two strings per cell.
  let hi = 0;
  let lo = 0;
  const split = cell.length - 8;
  for (let c = 0; c < cell.length; c++) {
    const ch = cell.charCodeAt(c);
    const v = ch <= 57 ? ch - 48 : (ch | 32) - 87;
    if (c < split) hi = hi * 16 + v;
    else lo = lo * 16 + v;
  }
  return { hi, lo, res: (hi >>> 20) & 0xf, baseCell: (hi >>> 13) & 0x7f };
}

function digit(hi: number, lo: number, r: number): number {
  const p = (15 - r) * 3;
  if (p >= 32) return (hi >>> (p - 32)) & 7;
  if (p <= 29) return (lo >>> p) & 7;
  return ((lo >>> 30) | (hi << 2)) & 7;
}

// H3's unit vectors for digits 1..6 in (i - k, j - k) coordinates.
const DIGIT_A = [0, -1, 0, -1, 1, 0, 1];
const DIGIT_B = [0, -1, 1, 0, 0, -1, 1];

/** The cell's (a, b) lattice position in its base cell's frame (H3's local IJ with the base cell at 0, 0). */
function latticeOf(hi: number, lo: number, res: number): [number, number] {
  let a = 0;
  let b = 0;
  for (let r = 1; r <= res; r++) {
    // Odd resolutions are Class III (H3's _downAp7), even ones Class II (_downAp7r).
    const na = r & 1 ? 2 * a + b : 3 * a - b;
    const nb = r & 1 ? -a + 3 * b : a + 2 * b;
    const d = digit(hi, lo, r);
    a = na + DIGIT_A[d];
    b = nb + DIGIT_B[d];
  }
  return [a, b];
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

const key = (baseCell: number, a: number, b: number) => (baseCell * 2 ** 23 + a + HALF) * 2 ** 23 + b + HALF;

/** Lattice offsets of a disk of radius k (hex distance in (a, b): max(|da|,|db|) if same sign, else |da|+|db|). */
function diskOffsets(k: number): [number, number][] {
  const out: [number, number][] = [];
  for (let da = -k; da <= k; da++)
    for (let db = -k; db <= k; db++) {
      const d = da * db >= 0 ? Math.max(Math.abs(da), Math.abs(db)) : Math.abs(da) + Math.abs(db);
      if (d <= k) out.push([da, db]);
    }
  return out;
}

/** Finds a cell by (base cell, a, b): a dense array when the cells fill their bounding boxes, else a hash map. */
function latticeLookup(pos: Int32Array, n: number): (bc: number, a: number, b: number) => number {
  // Per base cell (0..121): bounding box of a and b, and where its block starts in the dense array.
  const [minA, maxA, minB, maxB] = [0, 1, 2, 3].map((q) => new Int32Array(122).fill(q % 2 ? -(2 ** 30) : 2 ** 30));
  for (let i = 0; i < n; i++) {
    const [bc, a, b] = [pos[3 * i], pos[3 * i + 1], pos[3 * i + 2]];
    minA[bc] = Math.min(minA[bc], a);
    maxA[bc] = Math.max(maxA[bc], a);
    minB[bc] = Math.min(minB[bc], b);
    maxB[bc] = Math.max(maxB[bc], b);
  }
  const start = new Float64Array(122);
  const width = new Int32Array(122);
  let size = 0;
  for (let bc = 0; bc < 122; bc++) {
    if (maxA[bc] < minA[bc]) continue;
    start[bc] = size;
    width[bc] = maxB[bc] - minB[bc] + 1;
    size += (maxA[bc] - minA[bc] + 1) * width[bc];
  }
  if (size > 16 * n + 4096) {
    const byKey = new Map<number, number>();
    for (let i = 0; i < n; i++) byKey.set(key(pos[3 * i], pos[3 * i + 1], pos[3 * i + 2]), i);
    return (bc, a, b) => byKey.get(key(bc, a, b)) ?? -1;
  }
  const grid = new Int32Array(size).fill(-1);
  const at = (bc: number, a: number, b: number) =>
    a < minA[bc] || a > maxA[bc] || b < minB[bc] || b > maxB[bc]
      ? -1
      : start[bc] + (a - minA[bc]) * width[bc] + (b - minB[bc]);
  for (let i = 0; i < n; i++) grid[at(pos[3 * i], pos[3 * i + 1], pos[3 * i + 2])] = i;
  return (bc, a, b) => {
    const g = at(bc, a, b);
    return g < 0 ? -1 : grid[g];
  };
}

/** The grid disk of radius `k` (self included) of every cell, restricted to `cells`, as indices into `cells`. */
export function diskGraph(cells: readonly string[], k: number): DiskGraph {
  if (!Number.isInteger(k) || k < 0 || k > 10) throw new RangeError('k: an integer from 0 to 10');
  const n = cells.length;
  const res = n > 0 ? getResolution(cells[0]) : 0;
  const pos = new Int32Array(3 * n);
  for (let i = 0; i < n; i++) {
    const h = parseHex(cells[i]);
    if (h.res !== res) throw new RangeError(`cells: all must have resolution ${res}, ${cells[i]} does not`);
    const [a, b] = latticeOf(h.hi, h.lo, res);
    pos[3 * i] = h.baseCell;
    pos[3 * i + 1] = a;
    pos[3 * i + 2] = b;
  }
  const find = latticeLookup(pos, n);
  let indexOf: Map<string, number> | null = null; // built only if some disk leaves its base cell
  const offsets = diskOffsets(k);
  const starts = new Int32Array(n + 1);
  let indices = new Int32Array(Math.max(16, n * Math.min(offsets.length, 8)));
  let m = 0;
  const push = (j: number) => {
    if (m === indices.length) {
      const grown = new Int32Array(indices.length * 2);
      grown.set(indices);
      indices = grown;
    }
    indices[m++] = j;
  };
  for (let i = 0; i < n; i++) {
    starts[i] = m;
    const bc = pos[3 * i];
    const a = pos[3 * i + 1];
    const b = pos[3 * i + 2];
    let leaves = PENTAGON_BASE_CELLS.has(bc);
    for (let o = 0; o < offsets.length && !leaves; o++) {
      const j = find(bc, a + offsets[o][0], b + offsets[o][1]);
      if (j >= 0) push(j);
      else if (!insideBaseCell(a + offsets[o][0], b + offsets[o][1], res)) leaves = true;
    }
    if (!leaves) continue;
    indexOf ??= new Map(cells.map((c, j) => [c, j]));
    m = starts[i]; // the disk crosses into another base cell: let H3 answer for this one
    for (const c of gridDisk(cells[i], k)) {
      const j = indexOf.get(c);
      if (j !== undefined) push(j);
    }
  }
  starts[n] = m;
  return { offsets: starts, indices: indices.subarray(0, m) };
}
