// A minimal PMTiles v3 writer for tests: uncompressed directory and tiles, tiles given by (z, x, y).
// Real basemaps come from planetiler or tilemaker (README "Offline street map"); this only makes small fixtures.
import { zxyToTileId } from 'pmtiles';

function varint(n: number, out: number[]): void {
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
}

export function writePmtiles(
  tiles: { z: number; x: number; y: number; data: Uint8Array }[],
  meta: { bounds: [number, number, number, number]; minZoom: number; maxZoom: number },
): Uint8Array {
  const sorted = tiles.map((t) => ({ id: zxyToTileId(t.z, t.x, t.y), data: t.data })).sort((a, b) => a.id - b.id);
  const dir: number[] = [];
  varint(sorted.length, dir);
  let last = 0;
  for (const t of sorted) {
    varint(t.id - last, dir);
    last = t.id;
  }
  for (let i = 0; i < sorted.length; i++) varint(1, dir);
  for (const t of sorted) varint(t.data.length, dir);
  for (let i = 0; i < sorted.length; i++) varint(i === 0 ? 1 : 0, dir); // 0 = right after the previous tile
  const metadata = new TextEncoder().encode('{}');
  const rootOffset = 127;
  const metaOffset = rootOffset + dir.length;
  const dataOffset = metaOffset + metadata.length;
  const dataLength = sorted.reduce((n, t) => n + t.data.length, 0);
  const out = new Uint8Array(dataOffset + dataLength);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode('PMTiles'), 0);
  out[7] = 3;
  const u64 = [rootOffset, dir.length, metaOffset, metadata.length, 0, 0, dataOffset, dataLength];
  u64.push(sorted.length, sorted.length, sorted.length);
  u64.forEach((v, i) => view.setBigUint64(8 + i * 8, BigInt(v), true));
  out[96] = 1; // clustered
  out[97] = 1; // internal compression: none
  out[98] = 1; // tile compression: none
  out[99] = 1; // tile type: MVT
  out[100] = meta.minZoom;
  out[101] = meta.maxZoom;
  const e7 = (v: number) => Math.round(v * 1e7);
  view.setInt32(102, e7(meta.bounds[0]), true);
  view.setInt32(106, e7(meta.bounds[1]), true);
  view.setInt32(110, e7(meta.bounds[2]), true);
  view.setInt32(114, e7(meta.bounds[3]), true);
  out[118] = meta.minZoom;
  view.setInt32(119, e7((meta.bounds[0] + meta.bounds[2]) / 2), true);
  view.setInt32(123, e7((meta.bounds[1] + meta.bounds[3]) / 2), true);
  out.set(dir, rootOffset);
  out.set(metadata, metaOffset);
  let at = dataOffset;
  for (const t of sorted) {
    out.set(t.data, at);
    at += t.data.length;
  }
  return out;
}
