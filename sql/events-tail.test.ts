// The tailer reads the tail of the log many times a second: it must seek the (xid, id) index, not scan
// the log, and say in the same statement whether committed events wait behind an open transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedPool, createPool, type Db } from './db.ts';
import { READ_TAIL_SQL, readSettledEvents, settledHead } from './queries/events.ts';
import { freshTestDatabase, openEventWriter } from './test-support/db.ts';

describe('readSettledEvents', () => {
  let db: Db;
  let url: string;
  beforeAll(async () => {
    const test = await freshTestDatabase();
    db = test.pool;
    url = test.url;
    // A log that grows faster than autovacuum analyses it, as under a surge: the planner has no fresh statistics.
    for (let b = 0; b < 40; b++) {
      await db.query(`INSERT INTO events (kind, payload) SELECT 'test', '{}' FROM generate_series(1, 500)`);
    }
  });
  afterAll(async () => {
    await db.end();
  });

  it('answers from the (xid, id) index, whatever the length of the log', async () => {
    // A cursor a little behind the head: where the tailer is while held-back events wait after it.
    const {
      rows: [cursor],
    } = await db.query(
      'SELECT xid::text AS xid, id::text AS id FROM events ORDER BY events.id DESC OFFSET 100 LIMIT 1',
    );
    const { rows } = await db.query(`EXPLAIN (FORMAT JSON) ${READ_TAIL_SQL}`, [cursor.xid, cursor.id, 1000]);
    // The tailer runs it as a named statement: after a few runs Postgres may keep one generic plan for all cursors.
    const { rows: generic } = await db.query(`EXPLAIN (GENERIC_PLAN, FORMAT JSON) ${READ_TAIL_SQL}`);
    for (const plan of [rows, generic].map((r) => JSON.stringify(r[0]['QUERY PLAN']))) {
      expect(plan).toContain('events_xid_id');
      expect(plan).not.toContain('Seq Scan');
    }
  });

  it('looks for a held-back event without walking the log after the cursor', async () => {
    // A cursor with 20,000 events after it: the held-back probe must seek to xmin, not scan from the cursor.
    const {
      rows: [first],
    } = await db.query('SELECT xid::text AS xid, id::text AS id FROM events ORDER BY events.id LIMIT 1');
    const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${READ_TAIL_SQL}`, [
      first.xid,
      first.id,
      1000,
    ]);
    const [settled, heldBack] = rows[0]['QUERY PLAN'][0].Plan.Plans;
    expect(settled['Actual Rows']).toBe(1000);
    expect(heldBack['Actual Rows']).toBe(0);
    expect(heldBack['Shared Hit Blocks'] + heldBack['Shared Read Blocks']).toBeLessThan(10);
  });

  it('returns the settled events and flags those an older open transaction holds back', async () => {
    const head = await settledHead(db);
    expect(await readSettledEvents(db, head, 100)).toEqual({ rows: [], heldBack: false });

    const older = await openEventWriter(url, 'older'); // takes its xid first
    const {
      rows: [newer],
    } = await db.query(`INSERT INTO events (kind, payload) VALUES ('newer', '{}') RETURNING id::text`); // commits first
    const held = await readSettledEvents(db, head, 100);
    expect(held).toEqual({ rows: [], heldBack: true });

    await older.client.query('COMMIT');
    await older.client.end();
    const after = await readSettledEvents(db, head, 100);
    expect(after.heldBack).toBe(false);
    expect(after.rows.map((e) => e.id)).toEqual([older.id, newer.id]);
  });

  it('reports a long hold-up by one row, whatever waits behind it', async () => {
    const head = await settledHead(db);
    const older = await openEventWriter(url, 'older');
    await db.query(`INSERT INTO events (kind, payload) SELECT 'newer', '{}' FROM generate_series(1, 50)`);
    const { rows } = await db.query(READ_TAIL_SQL, [head.xid, head.id, 100]);
    expect(rows.map((r) => r.settled)).toEqual([false]);
    expect(rows[0].payload).toBeNull();
    await older.client.query('ROLLBACK');
    await older.client.end();
    expect((await readSettledEvents(db, head, 100)).rows).toHaveLength(50);
  });

  it('stops at the limit with nothing held back, so the reader reads on', async () => {
    const head = await settledHead(db);
    await db.query(`INSERT INTO events (kind, payload) SELECT 'test', '{}' FROM generate_series(1, 3)`);
    const first = await readSettledEvents(db, head, 2);
    expect(first.rows).toHaveLength(2);
    expect(first.heldBack).toBe(false);
    const rest = await readSettledEvents(db, { xid: first.rows[1].xid, id: first.rows[1].id }, 2);
    expect(rest.rows).toHaveLength(1);
  });

  it('reads the tail on one generic plan in the feed process, not a new plan per read', async () => {
    // The tailer's reads: the cursor steps along the head of an analysed log (autovacuum keeps a growing one
    // analysed), a few events at a time.
    await db.query('ANALYZE events');
    const plansOf = async (pool: Db) => {
      let cursor = await settledHead(pool);
      for (let i = 0; i < 12; i++) {
        await pool.query(`INSERT INTO events (kind, payload) SELECT 'test', '{}' FROM generate_series(1, 20)`);
        const { rows } = await readSettledEvents(pool, cursor, 1000);
        cursor = { xid: rows[rows.length - 1].xid, id: rows[rows.length - 1].id };
      }
      const {
        rows: [plans],
      } = await pool.query(
        "SELECT generic_plans::int, custom_plans::int FROM pg_prepared_statements WHERE name = 'feed-read-tail'",
      );
      await pool.end();
      return plans;
    };
    // One connection each, so the statement counted is the one that ran. Left to itself Postgres plans every read.
    expect((await plansOf(createPool(url, 1))).custom_plans).toBe(12);
    expect(await plansOf(createFeedPool(url, 1))).toEqual({ generic_plans: 12, custom_plans: 0 });
  });
});
