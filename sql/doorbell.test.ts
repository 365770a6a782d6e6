// The product's writers ring the feed's doorbell after commit, folded to one ring per 10 ms; every other
// writer still rings from the trigger, once per statement.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPool, withTransaction, type Db } from './db.ts';
import { DOORBELL_INTERVAL_MS, Doorbell, EVENTS_CHANNEL } from './doorbell.ts';
import type { NewEvent } from '../domain/events.ts';
import { appendEvents } from './queries/events.ts';
import { freshTestDatabase } from './test-support/db.ts';

/** An event of no kind the feed presents: only the doorbell matters here. */
const testEvent = (payload: object = {}) => ({ reportId: null, kind: 'test', payload }) as unknown as NewEvent;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the doorbell', () => {
  let url: string;
  let spare: Db;
  let listener: pg.Client;
  const rings: number[] = [];
  beforeAll(async () => {
    ({ url, pool: spare } = await freshTestDatabase());
    listener = new pg.Client({ connectionString: url });
    await listener.connect();
    listener.on('notification', (n) => {
      if (n.channel === EVENTS_CHANNEL) rings.push(performance.now());
    });
    await listener.query(`LISTEN ${EVENTS_CHANNEL}`);
  });
  afterAll(async () => {
    await listener.end();
    await spare.end();
  });

  const commits = (db: Db, n: number) =>
    (async () => {
      for (let i = 0; i < n; i++) {
        await withTransaction(db, (tx) => appendEvents(tx, [testEvent({ i })]));
      }
    })();

  it('rings after commit for the product, at most once per interval, and always after the last commit', async () => {
    const db = createPool(url, 4, { ringAfterCommit: true });
    try {
      rings.length = 0;
      const started = performance.now();
      await commits(db, 60);
      const lastCommit = performance.now();
      await sleep(DOORBELL_INTERVAL_MS * 10);
      expect(rings.length).toBeGreaterThan(0);
      // Leading edge plus one trailing ring per interval, not one per commit.
      expect(rings.length).toBeLessThanOrEqual(Math.ceil((lastCommit - started) / DOORBELL_INTERVAL_MS) + 2);
      expect(rings.length).toBeLessThan(60);
      // The burst's last commit is announced: a ring comes after it.
      expect(rings[rings.length - 1]).toBeGreaterThan(lastCommit - DOORBELL_INTERVAL_MS);
    } finally {
      await db.end();
    }
  });

  it('does not ring before the commit, and rings for a lone commit at once', async () => {
    const db = createPool(url, 2, { ringAfterCommit: true });
    try {
      await sleep(DOORBELL_INTERVAL_MS * 3);
      rings.length = 0;
      let committedAt = 0;
      await withTransaction(db, async (tx) => {
        await appendEvents(tx, [testEvent()]);
        await sleep(100);
        expect(rings).toHaveLength(0); // the trigger stayed quiet for this session
        committedAt = performance.now();
      });
      for (let i = 0; i < 50 && rings.length === 0; i++) await sleep(10);
      expect(rings).toHaveLength(1);
      expect(rings[0]).toBeGreaterThanOrEqual(committedAt);
    } finally {
      await db.end();
    }
  });

  it('keeps ringing from the trigger, once per commit, for any other writer', async () => {
    rings.length = 0;
    await commits(spare, 20);
    for (let i = 0; i < 50 && rings.length < 20; i++) await sleep(10);
    expect(rings).toHaveLength(20);
  });

  it('does not ring for a transaction that rolled back', async () => {
    const db = createPool(url, 2, { ringAfterCommit: true });
    try {
      await sleep(DOORBELL_INTERVAL_MS * 3);
      rings.length = 0;
      await expect(
        withTransaction(db, async (tx) => {
          await appendEvents(tx, [testEvent()]);
          throw new Error('changed its mind');
        }),
      ).rejects.toThrow('changed its mind');
      // The connection goes back to the pool: its next, event-free transaction must not ring either.
      await withTransaction(db, (tx) => tx.query('SELECT 1'));
      await sleep(100);
      expect(rings).toHaveLength(0);
    } finally {
      await db.end();
    }
  });

  it('refuses events appended outside withTransaction, which would ring nothing after their commit', async () => {
    const client = await spare.connect();
    try {
      await client.query('BEGIN');
      const before = (await client.query<{ n: string }>('SELECT count(*) AS n FROM events')).rows[0].n;
      await expect(appendEvents(client, [testEvent()])).rejects.toThrow(/inside withTransaction/);
      await client.query('COMMIT');
      // Refused before the INSERT: nothing was written that the feed would only find on its next poll.
      expect((await spare.query<{ n: string }>('SELECT count(*) AS n FROM events')).rows[0].n).toBe(before);
    } finally {
      client.release();
    }
  });
});

describe('the doorbell, on a clock of its own', () => {
  it('rings at once after a quiet spell, and once more after the interval for a burst', () => {
    vi.useFakeTimers();
    try {
      let rings = 0;
      const pool = { query: () => Promise.resolve(rings++) } as unknown as pg.Pool;
      const bell = new Doorbell(pool, 10);
      bell.ring();
      expect(rings).toBe(1); // leading edge: no wait for the lone commit
      bell.ring();
      bell.ring();
      expect(rings).toBe(1);
      vi.advanceTimersByTime(10);
      expect(rings).toBe(2); // trailing edge: the burst is announced once
      vi.advanceTimersByTime(10);
      expect(rings).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
