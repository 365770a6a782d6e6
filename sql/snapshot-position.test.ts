// The snapshot's feed position must never be past an event that a still-open older transaction will commit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './db.ts';
import { cursorOfEvent, readSettledEvents } from './queries/events.ts';
import { snapshotReports } from './queries/reports.ts';
import { freshTestDatabase, openEventWriter, type TestDatabase } from './test-support/db.ts';

describe('snapshot position', () => {
  let test: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    test = await freshTestDatabase();
    db = test.pool;
  });
  afterAll(async () => { await db.end(); });

  const writer = (label: string) => openEventWriter(test.url, label);

  it('stops before events an older open transaction holds back, so resuming from it misses nothing', async () => {
    const settled = await writer('settled');
    await settled.client.query('COMMIT');
    const older = await writer('older, commits last');
    const newer = await writer('newer, commits first');
    await newer.client.query('COMMIT');

    const { lastEventId } = await snapshotReports(db, { limit: 10 });
    expect(lastEventId).toBe(settled.id);

    await older.client.query('COMMIT');
    const after = await readSettledEvents(db, (await cursorOfEvent(db, lastEventId!))!, 100);
    expect(after.rows.map((e) => e.id).sort()).toEqual([older.id, newer.id].sort());
    for (const w of [settled, older, newer]) await w.client.end();
  });
});
