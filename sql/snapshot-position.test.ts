// The snapshot's feed position must never be past an event that a still-open older transaction will commit.
import { describe, expect, it } from 'vitest';
import { cursorOfEvent, readSettledEvents } from './queries/events.ts';
import { snapshotReports } from './queries/reports.ts';
import { openEventWriter, useTestDatabase } from './test-support/db.ts';

describe('snapshot position', () => {
  const test = useTestDatabase();

  const writer = (label: string) => openEventWriter(test.url, label);

  it('stops before events an older open transaction holds back, so resuming from it misses nothing', async () => {
    const settled = await writer('settled');
    await settled.client.query('COMMIT');
    const older = await writer('older, commits last');
    const newer = await writer('newer, commits first');
    await newer.client.query('COMMIT');

    const { lastEventId } = await snapshotReports(test.pool, { limit: 10 });
    expect(lastEventId).toBe(settled.id);

    await older.client.query('COMMIT');
    const after = await readSettledEvents(test.pool, (await cursorOfEvent(test.pool, lastEventId!))!, 100);
    expect(after.rows.map((e) => e.id).sort()).toEqual([older.id, newer.id].sort());
    for (const w of [settled, older, newer]) await w.client.end();
  });
});
