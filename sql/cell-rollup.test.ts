// The hourly cell rollup must always equal counting the reports themselves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellToParent, latLngToCell } from 'h3-js';
import { bigintToCell, cellToBigint, cellsCoveringBox } from '../geo/h3.ts';
import type { Db } from './db.ts';
import { countByCell } from './queries/report-counts.ts';
import { freshDatabase } from './test-support/db.ts';

function expectedCounts(rows: { cell: string; category: string }[], res: number, skip: string[] = []) {
  const counts = new Map<string, number>();
  for (const r of rows)
    if (!skip.includes(r.category))
      counts.set(cellToParent(r.cell, res), (counts.get(cellToParent(r.cell, res)) ?? 0) + 1);
  return Object.fromEntries([...counts].sort());
}

const asObject = (rows: { cell: string; count: number }[]) =>
  Object.fromEntries(rows.map((r) => [bigintToCell(r.cell), r.count]).sort());

describe('report cell rollup', () => {
  let db: Db;
  const stored: { id: string; cell: string; category: string }[] = [];

  beforeAll(async () => {
    db = await freshDatabase();
    const categories = ['rubbish', 'road', 'security', 'flooding'];
    const points = Array.from({ length: 600 }, (_, i) => ({
      lat: 19.75 + ((i * 37) % 100) / 1000,
      lng: 105.72 + ((i * 53) % 120) / 1000,
      category: categories[i % 4],
    }));
    // Two statements: the rollup trigger must add to existing rows, not only create them.
    for (const batch of [points.slice(0, 250), points.slice(250)]) {
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO reports (category, description, lat, lng, h3_cell)
         SELECT c, 'x', la, lo, h FROM unnest($1::text[], $2::float8[], $3::float8[], $4::bigint[]) AS t(c, la, lo, h) RETURNING id::text`,
        [
          batch.map((p) => p.category),
          batch.map((p) => p.lat),
          batch.map((p) => p.lng),
          batch.map((p) => cellToBigint(latLngToCell(p.lat, p.lng, 12)).toString()),
        ],
      );
      rows.forEach((r, i) =>
        stored.push({ id: r.id, cell: latLngToCell(batch[i].lat, batch[i].lng, 12), category: batch[i].category }),
      );
    }
  });
  afterAll(async () => {
    await db.end();
  });

  it.each([5, 7, 8, 9, 10])('counts at res %i equal a count of the reports', async (res) => {
    expect(asObject(await countByCell(db, { res }))).toEqual(expectedCounts(stored, res));
  });

  it('leaves out excluded categories and filters by category', async () => {
    expect(asObject(await countByCell(db, { res: 8, excludeCategories: ['security'] }))).toEqual(
      expectedCounts(stored, 8, ['security']),
    );
    expect(asObject(await countByCell(db, { res: 8, category: 'road' }))).toEqual(
      expectedCounts(
        stored.filter((s) => s.category === 'road'),
        8,
      ),
    );
  });

  it('follows status changes: a report moves from one status to the other', async () => {
    const ids = stored.slice(0, 40).map((s) => s.id);
    await db.query("UPDATE reports SET status = 'triaged' WHERE id = ANY($1::bigint[])", [ids]);
    const triaged = await countByCell(db, { res: 10, status: 'triaged' });
    const received = await countByCell(db, { res: 10, status: 'received' });
    expect(triaged.reduce((s, r) => s + r.count, 0)).toBe(40);
    expect(received.reduce((s, r) => s + r.count, 0)).toBe(stored.length - 40);
    expect(asObject(await countByCell(db, { res: 9 }))).toEqual(expectedCounts(stored, 9));
  });

  it('all-time totals follow a report re-categorised by an operator', async () => {
    const moved = stored.find((s) => s.category === 'road')!;
    await db.query("UPDATE reports SET category = 'rubbish' WHERE id = $1", [moved.id]);
    moved.category = 'rubbish';
    expect(asObject(await countByCell(db, { res: 8, category: 'road' }))).toEqual(
      expectedCounts(
        stored.filter((s) => s.category === 'road'),
        8,
      ),
    );
    expect(asObject(await countByCell(db, { res: 8, category: 'rubbish' }))).toEqual(
      expectedCounts(
        stored.filter((s) => s.category === 'rubbish'),
        8,
      ),
    );
  });

  it('a window in the future counts nothing; one in the past counts all', async () => {
    expect(await countByCell(db, { res: 8, since: new Date(Date.now() + 7_200_000).toISOString() })).toEqual([]);
    const all = await countByCell(db, { res: 8, since: new Date(Date.now() - 7_200_000).toISOString() });
    expect(all.reduce((s, r) => s + r.count, 0)).toBe(stored.length);
  });
});

describe('cell counts inside a viewport', () => {
  let db: Db;
  beforeAll(async () => {
    db = await freshDatabase();
    const points = [
      [19.8, 105.77],
      [19.801, 105.771],
      [19.9, 105.9],
      [19.5, 105.5],
    ];
    await db.query(
      `INSERT INTO reports (category, description, lat, lng, h3_cell)
       SELECT 'road', 'x', la, lo, h FROM unnest($1::float8[], $2::float8[], $3::bigint[]) AS t(la, lo, h)`,
      [
        points.map((p) => p[0]),
        points.map((p) => p[1]),
        points.map((p) => cellToBigint(latLngToCell(p[0], p[1], 12)).toString()),
      ],
    );
  });
  afterAll(async () => {
    await db.end();
  });

  it.each([
    [9, false],
    [9, true],
    [10, false],
    [10, true],
  ])('res %i (windowed: %s) counts only what lies in the box', async (res, windowed) => {
    const box: [number, number, number, number] = [105.76, 19.79, 105.78, 19.81];
    const within = { cells: cellsCoveringBox(box, res, 5000)!, cells10: cellsCoveringBox(box, 10, 50000)! };
    const since = windowed ? new Date(Date.now() - 3_600_000).toISOString() : undefined;
    const rows = await countByCell(db, { res, since, within });
    expect(rows.reduce((s, r) => s + r.count, 0)).toBe(2);
  });

  it('a box too large for the resolution is refused before any query', () => {
    expect(cellsCoveringBox([104, 19, 106, 21], 10, 20_000)).toBeNull();
    expect(cellsCoveringBox([105.76, 19.79, 105.78, 19.81], 9, 20_000)!.length).toBeGreaterThan(0);
  });
});

describe('windowed counts at coarse resolutions (whole days plus the first partial day)', () => {
  let db: Db;
  const stored: { id: string; cell: string; category: string; at: number; status: string }[] = [];
  const now = Date.now();
  const hour = 3_600_000;

  beforeAll(async () => {
    db = await freshDatabase();
    // 400 reports an hour and a quarter apart: five days back, across several UTC midnights.
    const points = Array.from({ length: 400 }, (_, i) => ({
      lat: 19.4 + ((i * 37) % 100) / 100,
      lng: 105.3 + ((i * 53) % 120) / 150,
      category: ['road', 'rubbish', 'flooding'][i % 3],
      at: now - i * 0.3 * hour,
    }));
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO reports (category, description, lat, lng, h3_cell, created_at, updated_at)
       SELECT c, 'x', la, lo, h, t, t FROM unnest($1::text[], $2::float8[], $3::float8[], $4::bigint[], $5::timestamptz[]) AS u(c, la, lo, h, t) RETURNING id::text`,
      [
        points.map((p) => p.category),
        points.map((p) => p.lat),
        points.map((p) => p.lng),
        points.map((p) => cellToBigint(latLngToCell(p.lat, p.lng, 12)).toString()),
        points.map((p) => new Date(p.at).toISOString()),
      ],
    );
    rows.forEach((r, i) =>
      stored.push({
        id: r.id,
        cell: latLngToCell(points[i].lat, points[i].lng, 12),
        category: points[i].category,
        at: points[i].at,
        status: 'received',
      }),
    );
  });
  afterAll(async () => {
    await db.end();
  });

  const startOfHour = (t: number) => Math.floor(t / hour) * hour;
  const midnightUtc = (t: number) => Math.floor(t / (24 * hour)) * 24 * hour;
  const windows: [string, number][] = [
    ['50 hours', now - 50 * hour],
    ['3.5 days', now - 84 * hour],
    ['an exact UTC midnight', midnightUtc(now - 48 * hour)],
    ['the last hour', now - hour],
    ['before the oldest report', now - 1000 * hour],
  ];

  it.each(windows.flatMap(([label, since]) => [5, 6, 7].map((res) => [label, res, since] as const)))(
    'since %s at res %i equals a count of the reports since the start of that hour',
    async (_label, res, since) => {
      const expected = expectedCounts(
        stored.filter((s) => s.at >= startOfHour(since)),
        res,
      );
      expect(asObject(await countByCell(db, { res, since: new Date(since).toISOString() }))).toEqual(expected);
    },
  );

  it('a status filter without a window reads every day; a status change moves the counts', async () => {
    const moved = stored.filter((_, i) => i % 5 === 0);
    await db.query("UPDATE reports SET status = 'triaged' WHERE id = ANY($1::bigint[])", [moved.map((s) => s.id)]);
    for (const s of moved) s.status = 'triaged';
    for (const status of ['triaged', 'received']) {
      expect(asObject(await countByCell(db, { res: 7, status }))).toEqual(
        expectedCounts(
          stored.filter((s) => s.status === status),
          7,
        ),
      );
    }
    const since = now - 60 * hour;
    expect(
      asObject(await countByCell(db, { res: 6, status: 'triaged', since: new Date(since).toISOString() })),
    ).toEqual(
      expectedCounts(
        stored.filter((s) => s.status === 'triaged' && s.at >= startOfHour(since)),
        6,
      ),
    );
  });

  it('a window inside a viewport counts only the cells asked for', async () => {
    const inBox = stored.filter((s) => s.at >= startOfHour(now - 70 * hour));
    const cells = [...new Set(inBox.map((s) => cellToParent(s.cell, 7)))].slice(0, 5);
    const expected = expectedCounts(
      inBox.filter((s) => cells.includes(cellToParent(s.cell, 7))),
      7,
    );
    expect(
      asObject(await countByCell(db, { res: 7, since: new Date(now - 70 * hour).toISOString(), within: { cells } })),
    ).toEqual(expected);
  });
});
