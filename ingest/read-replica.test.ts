// DATABASE_READ_URL against a real streaming replica: a physical standby of a primary, both started here. Anonymous
// reads are answered from the standby, writes only ever reach the primary, and a standby that is down costs the
// public reads a 503 with Retry-After, never the intake.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProduct, type RunningProduct } from '../main.ts';
import { startEmbeddedPostgres, type EmbeddedCluster } from '../sql/embedded.ts';
import { startStandby, type Standby } from '../sql/test-support/replica.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function rowsOf<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, application_name: 'replica-test' });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('public reads on a streaming replica (DATABASE_READ_URL)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ht-replica-'));
  let primary: EmbeddedCluster;
  let standby: Standby;
  let product: RunningProduct;

  beforeAll(async () => {
    primary = await startEmbeddedPostgres(join(dir, 'primary'));
    standby = await startStandby(primary.url, join(dir, 'primary'));
    // Migrated and seeded on the primary; the standby replays all of it.
    product = await startProduct({
      databaseUrl: primary.url,
      databaseReadUrl: standby.url,
      port: 0,
      host: '127.0.0.1',
      demo: false,
      distDir: '/nonexistent',
      feed: { enabled: false },
      hotspots: false,
    });
  }, 180_000);
  afterAll(async () => {
    await product?.stop();
    await standby?.stop();
    await primary?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = async (i: number) => {
    const res = await fetch(`${product.url}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ category: 'road', description: `replica ${i}`, lat: 19.8 + i / 1e4, lng: 105.77 }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const publicList = (id: string) => fetch(`${product.url}/api/v1/reports?ids=${id}`);
  const listed = async (id: string) => {
    const res = await publicList(id);
    expect(res.status).toBe(200);
    return ((await res.json()) as { reports: { id: string }[] }).reports.some((r) => r.id === id);
  };

  it('is a real standby of the primary', async () => {
    const [recovery] = await rowsOf<{ standby: boolean }>(standby.url, 'SELECT pg_is_in_recovery() AS standby');
    expect(recovery.standby).toBe(true);
    const senders = await rowsOf<{ state: string }>(primary.url, 'SELECT state FROM pg_stat_replication');
    expect(senders.map((s) => s.state)).toEqual(['streaming']);
  });

  it('answers the public from the replica: a report shows only once the replica has replayed it', async () => {
    await standby.pauseReplay();
    try {
      const id = await post(1); // acknowledged: committed on the primary while the replica stands still
      expect(await listed(id)).toBe(false);
      const [onPrimary] = await rowsOf<{ n: number }>(
        primary.url,
        `SELECT count(*)::int AS n FROM reports WHERE id = ${Number(id)}`,
      );
      expect(onPrimary.n).toBe(1);
      await standby.resumeReplay();
      let seen = false;
      // Repeated public questions share one answer a second: ask again past it.
      for (let i = 0; i < 20 && !seen; i++) seen = (await sleep(1100), await listed(id));
      expect(seen).toBe(true);
    } finally {
      await standby.resumeReplay();
    }
  }, 60_000);

  it('sends no write to the replica: only the public read pool connects there, read-only', async () => {
    await post(2);
    const onStandby = await rowsOf<{ app: string; n: number }>(
      standby.url,
      `SELECT application_name AS app, count(*)::int AS n FROM pg_stat_activity
        WHERE backend_type = 'client backend' AND application_name <> 'replica-test' GROUP BY 1`,
    );
    expect(onStandby.map((r) => r.app)).toEqual(['hientruong-public-read']);
    const onPrimary = await rowsOf<{ app: string }>(
      primary.url,
      "SELECT DISTINCT application_name AS app FROM pg_stat_activity WHERE backend_type = 'client backend'",
    );
    expect(onPrimary.map((r) => r.app)).toContain('hientruong');
  });

  it('with the replica down, public reads answer 503 with Retry-After while intake goes on; they come back with it', async () => {
    await standby.stop();
    const res = await publicList('1');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unavailable');
    const id = await post(3); // the write path never needed the replica
    expect((await fetch(`${product.url}/readyz`)).status).toBe(200); // readiness is the primary's
    await standby.start();
    let seen = false;
    for (let i = 0; i < 30 && !seen; i++)
      seen = (await sleep(1100), (await publicList(id)).status === 200 && (await listed(id)));
    expect(seen).toBe(true);
  }, 90_000);
});
