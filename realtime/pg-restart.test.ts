// Postgres stops and starts again in the middle of a burst: every report answered 201 is stored and
// reaches the client exactly once; every other answer is a 5xx the client may retry, never a silent loss.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startProduct, type RunningProduct } from '../main.ts';
import { freePort, startEmbeddedPostgres, type EmbeddedCluster } from '../sql/embedded.ts';
import { gapsAndDuplicates, recordingClient } from './test-support/feed-client.ts';
import { postReport, type PostResult } from './test-support/load.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Postgres restart during a burst', () => {
  let dir: string;
  let port: number;
  let cluster: EmbeddedCluster;
  let product: RunningProduct;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hientruong-pgrestart-'));
    port = await freePort();
    cluster = await startEmbeddedPostgres(join(dir, 'pg'), { port });
    product = await startProduct({
      databaseUrl: cluster.url,
      port: 0,
      host: '127.0.0.1',
      demo: false,
      distDir: '/nonexistent',
    });
  }, 90_000);
  afterAll(async () => {
    await product?.stop().catch(() => {});
    await cluster?.stop().catch(() => {});
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('acknowledged means stored and delivered; refused means 5xx', async () => {
    const client = recordingClient(product.url, { token: product.operatorToken, batch: true });
    await client.hello;
    const answers: PostResult[] = [];
    const TOTAL = 600;
    let next = 0;
    let restarted = false;
    const worker = async () => {
      while (next < TOTAL) {
        const i = next++;
        // Retry what the server refused, as a client must: bounded, with a pause while the database is away.
        for (let attempt = 0; attempt < 200; attempt++) {
          const r = await postReport(product.url, i);
          answers.push(r);
          if (r.status === 201) break;
          await sleep(50);
        }
        if (i === 200 && !restarted) {
          restarted = true;
          await cluster.stop();
          await sleep(300);
          cluster = await startEmbeddedPostgres(join(dir, 'pg'), { port });
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));

    const acked = answers.filter((a) => a.status === 201).map((a) => a.id!);
    const refused = answers.filter((a) => a.status !== 201);
    expect(restarted).toBe(true);
    expect(acked).toHaveLength(TOTAL);
    expect(refused.length).toBeGreaterThan(0); // the restart did land in the burst
    expect(refused.filter((a) => a.status < 500)).toEqual([]);

    const db = new pg.Client({ connectionString: cluster.url });
    await db.connect();
    try {
      const stored = (
        await db.query<{ id: string }>('SELECT id::text FROM reports WHERE id = ANY($1::bigint[])', [acked])
      ).rows;
      expect(stored).toHaveLength(TOTAL);
      // A refused request may still have committed (the answer was lost, not the row): whatever is stored is delivered.
      const events = (
        await db.query<{ id: string }>("SELECT id::text FROM events WHERE kind = 'report.created'")
      ).rows.map((r) => r.id);
      await client.waitFor((ns) => ns.length >= events.length, 20_000);
      await sleep(200);
      expect(
        gapsAndDuplicates(
          client.notices.map((n) => n.eventId),
          events,
        ),
      ).toEqual({ missing: [], duplicates: [], extra: [] });
    } finally {
      await db.end();
      client.close();
    }
  }, 60_000);
});
