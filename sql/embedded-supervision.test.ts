// kill -9 of the embedded postmaster: the supervisor starts the cluster again on the same data, the pool
// reconnects by itself, and what was committed before is still there.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPool } from './db.ts';
import { startEmbeddedPostgres, superviseCluster } from './embedded.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('embedded PostgreSQL supervision', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ht-supervise-'));
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restarts a killed postmaster and the pool recovers with the data intact', async () => {
    const cluster = await startEmbeddedPostgres(join(dir, 'pg'));
    cleanups.push(() => cluster.stop().catch(() => {}));
    const lost: unknown[] = [];
    cleanups.push(superviseCluster(cluster, { everyMs: 200, giveUp: (e) => lost.push(e) }));
    const pool = createPool(cluster.url, 2);
    cleanups.push(() => pool.end());
    await pool.query('CREATE TABLE kept (n int)');
    await pool.query('INSERT INTO kept VALUES (42)');

    const before = cluster.postmasterPid()!;
    process.kill(before, 'SIGKILL');
    let back = false;
    for (let i = 0; i < 150 && !back; i++) {
      await sleep(200);
      back = await pool.query('SELECT 1').then(
        () => true,
        () => false,
      );
    }
    expect(back).toBe(true);
    expect(cluster.postmasterPid()).not.toBe(before);
    expect((await pool.query<{ n: number }>('SELECT n FROM kept')).rows).toEqual([{ n: 42 }]);
    expect(lost).toEqual([]);
  }, 60_000);
});
