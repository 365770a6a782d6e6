// The PMTiles basemap is served by ranges, and the pmtiles reader (what MapLibre's protocol uses) reads a tile
// back through it. The file is built here: one vector tile with a named street of Thanh Hóa city.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Koa from 'koa';
import { FetchSource, PMTiles, TileType } from 'pmtiles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASEMAP_PATH, basemapMiddleware, parseRange } from './basemap-file.ts';
import { writePmtiles } from './test-support/pmtiles-writer.ts';

/** A hand-encoded vector tile: layer `transportation_name`, one line feature with name "Lê Lợi". */
function streetTile(): Uint8Array {
  const bytes: number[] = [];
  const varint = (n: number, out: number[]) => {
    while (n >= 0x80) {
      out.push((n & 0x7f) | 0x80);
      n >>>= 7;
    }
    out.push(n);
  };
  const field = (no: number, wire: number, out: number[]) => varint((no << 3) | wire, out);
  const lenDelim = (no: number, body: number[], out: number[]) => {
    field(no, 2, out);
    varint(body.length, out);
    out.push(...body);
  };
  const str = (s: string) => [...new TextEncoder().encode(s)];
  const zig = (n: number) => (n << 1) ^ (n >> 31);
  const feature: number[] = [];
  lenDelim(2, [0, 0], feature); // tags: key 0 = value 0
  field(3, 0, feature);
  varint(2, feature); // LINESTRING
  lenDelim(4, [9, zig(100), zig(2000), 10, zig(3800), zig(100)], feature);
  const layer: number[] = [];
  field(15, 0, layer);
  varint(2, layer);
  lenDelim(1, str('transportation_name'), layer);
  lenDelim(2, feature, layer);
  lenDelim(3, str('name'), layer);
  lenDelim(
    4,
    (() => {
      const v: number[] = [];
      lenDelim(1, str('Lê Lợi'), v);
      return v;
    })(),
    layer,
  );
  field(5, 0, layer);
  varint(4096, layer);
  lenDelim(3, layer, bytes);
  return new Uint8Array(bytes);
}

describe('the PMTiles basemap', () => {
  let server: Server;
  let url: string;
  const tile = streetTile();
  // Thanh Hóa city at z14.
  const [z, x, y] = [14, 12998, 7282];

  beforeAll(async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'basemap-')), 'thanh-hoa.pmtiles');
    writeFileSync(
      file,
      writePmtiles([{ z, x, y, data: tile }], { bounds: [105.7, 19.7, 105.9, 19.9], minZoom: 14, maxZoom: 14 }),
    );
    const app = new Koa();
    app.use(basemapMiddleware(file));
    server = createServer(app.callback());
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}${BASEMAP_PATH}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('answers ranges, and the pmtiles reader gets the tile back byte for byte', async () => {
    const p = new PMTiles(new FetchSource(url));
    const header = await p.getHeader();
    expect(header).toMatchObject({ tileType: TileType.Mvt, minZoom: 14, maxZoom: 14 });
    const got = await p.getZxy(z, x, y);
    expect(new Uint8Array(got!.data)).toEqual(tile);
    expect(new TextDecoder().decode(got!.data)).toContain('Lê Lợi');
    expect(await p.getZxy(z, x + 1, y)).toBeUndefined();
  });

  it('refuses a range outside the file and answers HEAD with the length', async () => {
    const out = await fetch(url, { headers: { range: 'bytes=999999-' } });
    expect(out.status).toBe(416);
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(127);
    expect(head.headers.get('accept-ranges')).toBe('bytes');
  });

  it('parses ranges as RFC 9110 says', () => {
    expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=95-200', 100)).toEqual({ start: 95, end: 99 });
    expect(parseRange('bytes=100-', 100)).toBeNull();
    expect(parseRange('items=0-1', 100)).toBeNull();
    expect(parseRange(undefined, 100)).toBeUndefined();
  });
});
