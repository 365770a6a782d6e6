// The SQL H3 functions must agree with h3-js on the cells reports actually store (res 12 over Vietnam).
import { describe, expect, it } from 'vitest';
import { cellToParent, getResolution, latLngToCell } from 'h3-js';
import { cellToBigint } from '../geo/h3.ts';
import { useTestDatabase } from './test-support/db.ts';
import { seededRandom } from '../geo/test-support/seeded-random.ts';

describe('h3_parent and h3_resolution in SQL', () => {
  const test = useTestDatabase();

  it('match h3-js cellToParent on 100,000 random res-12 cells at resolutions 5-11', async () => {
    const random = seededRandom(20261122);
    const cells = Array.from({ length: 100_000 }, () => latLngToCell(8.5 + random() * 15, 102 + random() * 8, 12));
    const { rows } = await test.pool.query<{ i: number; res: number; parent: string; resolution: number }>(
      `SELECT i::int, r AS res, h3_parent(c, r)::text AS parent, h3_resolution(c) AS resolution
         FROM unnest($1::bigint[]) WITH ORDINALITY AS t(c, i), generate_series(5, 11) AS r`,
      [cells.map((c) => cellToBigint(c).toString())],
    );
    expect(rows).toHaveLength(cells.length * 7);
    let mismatches = 0;
    for (const row of rows) {
      const cell = cells[row.i - 1];
      if (row.parent !== cellToBigint(cellToParent(cell, row.res)).toString() || row.resolution !== getResolution(cell))
        mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it('a coarser request than the cell returns the cell; an impossible resolution returns null', async () => {
    const cell = cellToBigint(latLngToCell(19.8075, 105.7766, 7)).toString();
    const { rows } = await test.pool.query(
      'SELECT h3_parent($1::bigint, 9)::text AS same, h3_parent($1::bigint, 16) AS none, h3_parent($1::bigint, 0)::text AS root',
      [cell],
    );
    expect(rows[0].same).toBe(cell);
    expect(rows[0].none).toBeNull();
    expect(rows[0].root).toBe(cellToBigint(cellToParent(latLngToCell(19.8075, 105.7766, 7), 0)).toString());
  });

  it('null in gives null out, as when it was STRICT', async () => {
    const { rows } = await test.pool.query('SELECT h3_parent(NULL, 5) AS a, h3_parent(617700169958293503, NULL) AS b');
    expect(rows[0]).toEqual({ a: null, b: null });
  });

  // The rollups call it up to fifteen times per report: a call through the SQL-function executor costs ~3 µs.
  it('is inlined by the planner, not called', async () => {
    const { rows } = await test.pool.query(
      `EXPLAIN (VERBOSE, FORMAT JSON) SELECT h3_parent(c, r) FROM (VALUES (617700169958293503::bigint, 5), (617700169958293503, 7)) v(c, r)`,
    );
    const output = JSON.stringify(rows[0]['QUERY PLAN']);
    expect(output).toContain('CASE');
    expect(output).not.toContain('h3_parent(');
  });
});
