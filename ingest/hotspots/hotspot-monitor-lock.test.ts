// Several server processes each start a hot-spot monitor: only the one holding the advisory lock watches, so a new
// hot spot is announced once; when it stops, another takes over without announcing it again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAreaIndex } from '../../geo/area-index.ts';
import { cellAt, parentCell } from '../../geo/h3.ts';
import { createPool } from '../../sql/db.ts';
import { currentAreas } from '../../sql/queries/areas.ts';
import { startDispatchApp, type DispatchApp } from '../test-support/dispatch-app.ts';
import { HotspotGrids } from './hotspot-analysis.ts';
import { startHotspotMonitor, type HotspotMonitor } from './hotspot-monitor.ts';

const FIRST = { lat: 19.8075, lng: 105.7766 }; // Phường Hạc Thành
const SECOND = { lat: 19.9, lng: 105.6 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await sleep(50);
  }
}

let app: DispatchApp;
let monitors: HotspotMonitor[] = [];
beforeAll(async () => {
  app = await startDispatchApp();
  const grids = new HotspotGrids((await currentAreas(app.db, 'province')).features.map((f) => f.geometry));
  const areas = buildAreaIndex(await currentAreas(app.db, 'commune'));
  // Two processes' monitors on one database (each its own state, as separate processes would have).
  monitors = [0, 1].map(() =>
    startHotspotMonitor(app.db, grids, areas, { pollMs: 50, calmGapMs: 50, leaseMs: 200, onError: console.error }),
  );
}, 120_000);
afterAll(async () => {
  for (const m of monitors) await m.stop();
  await app?.close();
});

const announced = async (at: { lat: number; lng: number }) => {
  const { rows } = await app.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM events WHERE kind = 'hotspot' AND payload->>'change' = 'new' AND payload->>'cell' = $1`,
    [parentCell(cellAt(at.lat, at.lng), 8)],
  );
  return rows[0].n;
};

const burst = async (at: { lat: number; lng: number }) => {
  for (let i = 0; i < 8; i++) await app.createReport({ category: 'flooding', lat: at.lat, lng: at.lng });
};

describe('one hot-spot monitor per database', () => {
  it('one of two monitors leads, and a new hot spot is announced once', async () => {
    await until(() => monitors.some((m) => m.isLeader()), 10_000);
    await sleep(800); // both have tried for the lock several times
    expect(monitors.filter((m) => m.isLeader())).toHaveLength(1);
    await burst(FIRST);
    await until(async () => (await announced(FIRST)) > 0, 30_000);
    await sleep(1500); // a second watcher would have announced it by now
    expect(await announced(FIRST)).toBe(1);
  }, 60_000);

  it('when the leader stops, the other takes over: nothing announced twice, new hot spots still announced', async () => {
    const leader = monitors.find((m) => m.isLeader())!;
    const standby = monitors.find((m) => m !== leader)!;
    await leader.stop();
    await until(() => standby.isLeader(), 5000);
    await sleep(1500);
    expect(await announced(FIRST)).toBe(1);
    await burst(SECOND);
    await until(async () => (await announced(SECOND)) > 0, 30_000);
    expect(await announced(SECOND)).toBe(1);
  }, 60_000);

  it('a monitor stopped while it is still taking the lock gives its connection back', async () => {
    const grids = new HotspotGrids((await currentAreas(app.db, 'province')).features.map((f) => f.geometry));
    const areas = buildAreaIndex(await currentAreas(app.db, 'commune'));
    const pool = createPool(app.db.options.connectionString!, 2);
    try {
      const monitor = startHotspotMonitor(pool, grids, areas, { pollMs: 50, leaseMs: 200 });
      await sleep(1); // its first poll has asked the pool for the lock's connection
      await monitor.stop();
      expect(pool.totalCount - pool.idleCount).toBe(0); // nothing still checked out: the product's stop can end the pool
    } finally {
      await pool.end();
    }
  }, 30_000);
});
