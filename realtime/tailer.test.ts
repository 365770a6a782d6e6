// The tailer never skips an event whose transaction took its id early but committed late.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventRow } from '../sql/queries/events.ts';
import { freshTestDatabase, openEventWriter, useTestDatabase, type TestDatabase } from '../sql/test-support/db.ts';
import { EventTailer } from './tailer.ts';

describe('event tailer', () => {
  let test: TestDatabase;
  let tailer: EventTailer;
  const seen: EventRow[] = [];

  beforeAll(async () => {
    test = await freshTestDatabase();
    tailer = new EventTailer(test.pool, test.url, (rows) => seen.push(...rows), { pollMs: 5000 });
    await tailer.start();
  });
  afterAll(async () => {
    await tailer.stop();
    await test.pool.end();
  });

  const waitForSeen = async (n: number) => {
    for (let i = 0; i < 300 && seen.length < n; i++) await new Promise((r) => setTimeout(r, 10));
  };

  it('delivers both events once when the lower id commits after the higher one', async () => {
    const early = await openEventWriter(test.url, 'early id, late commit');
    const late = await openEventWriter(test.url, 'late id, early commit');
    expect(BigInt(early.id)).toBeLessThan(BigInt(late.id));
    await late.client.query('COMMIT');
    await new Promise((r) => setTimeout(r, 150));
    // The higher id is committed but must wait: reading it now would move the cursor past the open one.
    expect(seen.map((e) => e.id)).toEqual([]);
    await early.client.query('COMMIT');
    await waitForSeen(2);
    expect(seen.map((e) => e.id).sort()).toEqual([early.id, late.id].sort());
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toHaveLength(2);
    await early.client.end();
    await late.client.end();
  });

  it('a rolled-back transaction leaves nothing and holds nothing back', async () => {
    const doomed = await openEventWriter(test.url, 'rolled back');
    const kept = await openEventWriter(test.url, 'kept');
    await kept.client.query('COMMIT');
    await doomed.client.query('ROLLBACK');
    await waitForSeen(3);
    expect(seen.map((e) => e.id)).toContain(kept.id);
    expect(seen.map((e) => e.id)).not.toContain(doomed.id);
    await doomed.client.end();
    await kept.client.end();
  });

  it('orders by transaction id as a number: xid 99 comes before xid 100', async () => {
    const from = seen.length;
    // Explicit old xids (long finished, so settled) whose decimal text sorts the other way round.
    await test.pool.query(
      `INSERT INTO events (xid, kind, payload) VALUES ('100', 'test', '{}'), ('99', 'test', '{}'), ('3', 'test', '{}')`,
    );
    const fresh = new EventTailer(test.pool, test.url, (rows) => seen.push(...rows), { pollMs: 5000 });
    await fresh.start({ xid: '0', id: '0' });
    const total = (await test.pool.query('SELECT count(*)::int AS n FROM events')).rows[0].n;
    await waitForSeen(from + total);
    await fresh.stop();
    const xids = seen.slice(from).map((e) => BigInt(e.xid));
    expect(xids).toEqual([...xids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(xids.slice(0, 3)).toEqual([3n, 99n, 100n]);
    expect(xids).toHaveLength(total);
  });
});

describe('event tailer under a burst of doorbells', () => {
  const test = useTestDatabase();

  it('reads the log at most once per gap, yet delivers every event, and a calm feed at once', async () => {
    const deliveries: EventRow[][] = [];
    const tailer = new EventTailer(test.pool, test.url, (rows) => deliveries.push(rows), {
      pollMs: 60_000,
      minGapMs: 1500,
    });
    await tailer.start();
    try {
      await new Promise((r) => setTimeout(r, 3200)); // past the gaps of the start-up reads (at start and on connect)
      // Calm: one event is read at its doorbell, before a gap would end (a 1.5 s gap, not a speed goal).
      await test.pool.query("INSERT INTO events (kind, payload) VALUES ('test', '{}')");
      await expect.poll(() => deliveries.flat().length, { timeout: 1000, interval: 5 }).toBe(1);
      // A burst: 30 commits, 30 doorbells, within one gap.
      for (let i = 0; i < 30; i++) await test.pool.query("INSERT INTO events (kind, payload) VALUES ('test', '{}')");
      const burstAt = performance.now();
      while (deliveries.flat().length < 31 && performance.now() - burstAt < 10_000)
        await new Promise((r) => setTimeout(r, 5));
      expect(deliveries.flat()).toHaveLength(31);
      expect(new Set(deliveries.flat().map((e) => e.id)).size).toBe(31);
      expect(deliveries.length).toBeLessThanOrEqual(3);
    } finally {
      await tailer.stop();
    }
  });
});
