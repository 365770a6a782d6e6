// The tailer asks "anything after my cursor?" after every read: it must seek the (xid, id) index, not scan the log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './db.ts';
import { HAS_EVENTS_AFTER_SQL, hasEventsAfter, settledHead } from './queries/events.ts';
import { freshTestDatabase } from './test-support/db.ts';

describe('hasEventsAfter', () => {
  let db: Db;
  beforeAll(async () => {
    db = (await freshTestDatabase()).pool;
    // A log that grows faster than autovacuum analyses it, as under a surge: the planner has no fresh statistics.
    for (let b = 0; b < 40; b++) {
      await db.query(`INSERT INTO events (kind, payload) SELECT 'test', '{}' FROM generate_series(1, 500)`);
    }
  });
  afterAll(async () => { await db.end(); });

  it('answers from the (xid, id) index, whatever the length of the log', async () => {
    // A cursor a little behind the head: where the tailer is while held-back events wait after it.
    const { rows: [cursor] } = await db.query('SELECT xid::text AS xid, id::text AS id FROM events ORDER BY id DESC OFFSET 100 LIMIT 1');
    const { rows } = await db.query(`EXPLAIN (FORMAT JSON) ${HAS_EVENTS_AFTER_SQL}`, [cursor.xid, cursor.id]);
    const plan = JSON.stringify(rows[0]['QUERY PLAN']);
    expect(plan).toContain('events_xid_id');
    expect(plan).not.toContain('Seq Scan');
  });

  it('is true exactly while a committed event lies after the cursor', async () => {
    const head = await settledHead(db);
    expect(await hasEventsAfter(db, head)).toBe(false);
    await db.query(`INSERT INTO events (kind, payload) VALUES ('test', '{}')`);
    expect(await hasEventsAfter(db, head)).toBe(true);
    expect(await hasEventsAfter(db, await settledHead(db))).toBe(false);
  });
});
