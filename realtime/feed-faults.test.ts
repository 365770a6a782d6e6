// Fault injection on a live stream: the LISTEN connection is killed, the realtime server restarts, a
// client drops and resumes, two realtime processes share one database. Every client must end with
// exactly the events that were written: no gap, no duplicate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startProduct, type RunningProduct } from '../main.ts';
import type { TestDatabase } from '../sql/test-support/db.ts';
import type { SocketActor } from './protocol.ts';
import { startStandaloneRealtime, type StandaloneRealtime } from './test-support/standalone-realtime.ts';
import { gapsAndDuplicates, recordingClient, type RecordingClient } from './test-support/feed-client.ts';
import { postMany } from './test-support/load.ts';
import { startTestProduct, type TestProduct } from './test-support/test-product.ts';

const authorize = (auth: { token?: string }): SocketActor =>
  auth.token === 'staff-token' ? { audience: 'staff', role: 'dispatcher' } : { audience: 'public' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function listenerPids(adminUrl: string, db: string): Promise<number[]> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query(
      "SELECT pid FROM pg_stat_activity WHERE application_name = 'hientruong-listen' AND datname = $1",
      [db],
    );
    return rows.map((r) => r.pid);
  } finally {
    await admin.end();
  }
}

/** Kills every LISTEN backend of the database once one is there; returns how many it killed. */
async function killListeners(adminUrl: string, db: string): Promise<number> {
  for (let i = 0; i < 100 && (await listenerPids(adminUrl, db)).length === 0; i++) await sleep(20);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query(
      "SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = 'hientruong-listen' AND datname = $1",
      [db],
    );
    return rows.filter((r) => r.ok).length;
  } finally {
    await admin.end();
  }
}

async function eventIds(test: TestDatabase): Promise<string[]> {
  return (
    await test.pool.query<{ id: string }>("SELECT id::text FROM events WHERE kind = 'report.created' ORDER BY id")
  ).rows.map((r) => r.id);
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<void> {
  for (const started = Date.now(); !check() && Date.now() - started < timeoutMs;) await sleep(20);
}

describe('the feed under faults', () => {
  let running: TestProduct;
  let test: TestDatabase;
  let product: RunningProduct;
  const dbName = () => new URL(test.url).pathname.slice(1);

  beforeAll(async () => {
    running = await startTestProduct();
    ({ test, product } = running);
  });
  afterAll(async () => {
    await running?.stop();
  });

  it('2,000 reports through two listener kills and a realtime restart: both clients get each event exactly once', async () => {
    let realtime: StandaloneRealtime | null = null;
    const startRealtime = async () => {
      realtime = await startStandaloneRealtime(
        { db: test.pool, listenUrl: test.url, authorize, pollMs: 1000, coalesceMs: 15 },
        realtime?.port ?? 0,
      );
    };
    await startRealtime();
    const url = realtime!.url;
    const stayer = recordingClient(url, { token: 'staff-token', batch: true });
    let resumer: RecordingClient = recordingClient(url, {});
    await Promise.all([stayer.hello, resumer.hello]);
    const resumerNotices: string[] = [];
    let resumerCursor: string | null = null;
    const faults: string[] = [];
    const kills: number[] = [];

    const results = await postMany(product.url, 2000, 8, async (done) => {
      if (done === 300 || done === 1200) {
        kills.push(await killListeners(test.adminUrl, dbName()));
        faults.push('listener killed');
      }
      if (done === 600) {
        resumerNotices.push(...resumer.notices.map((n) => n.eventId));
        resumerCursor = resumer.lastEventId;
        resumer.close();
        faults.push('resumer left');
      }
      if (done === 900) {
        await realtime!.rt.close();
        await startRealtime();
        faults.push('realtime restarted');
      }
      if (done === 1500) {
        resumer = recordingClient(url, { lastEventId: resumerCursor ?? '0' });
        faults.push('resumer back');
      }
    });
    expect(results.filter((r) => r.status !== 201)).toEqual([]);
    expect(faults).toEqual([
      'listener killed',
      'resumer left',
      'realtime restarted',
      'listener killed',
      'resumer back',
    ]);
    expect(kills.every((n) => n >= 1)).toBe(true);
    expect(resumerNotices.length).toBeGreaterThan(0);

    const expected = await eventIds(test);
    expect(expected).toHaveLength(2000);
    const resumerSeen = () => [...resumerNotices, ...resumer.notices.map((n) => n.eventId)];
    await waitUntil(() => stayer.notices.length >= 2000 && resumerSeen().length >= 2000, 20_000);
    await sleep(300); // a duplicate would arrive after the last expected one
    expect(
      gapsAndDuplicates(
        stayer.notices.map((n) => n.eventId),
        expected,
      ),
    ).toEqual({ missing: [], duplicates: [], extra: [] });
    expect(gapsAndDuplicates(resumerSeen(), expected)).toEqual({ missing: [], duplicates: [], extra: [] });
    expect([...stayer.refetches, ...resumer.refetches]).toEqual([]);
    stayer.close();
    resumer.close();
    await realtime!.rt.close();
  }, 60_000);

  it('two realtime processes on one database: clients on either get every event exactly once', async () => {
    const other = await startProduct({
      databaseUrl: test.url,
      port: 0,
      host: '127.0.0.1',
      demo: false,
      distDir: '/nonexistent',
    });
    try {
      const clients = [
        recordingClient(product.url, { token: product.operatorToken, batch: true }),
        recordingClient(product.url, {}),
        recordingClient(other.url, { token: other.operatorToken }),
        recordingClient(other.url, { batch: true }),
      ];
      await Promise.all(clients.map((c) => c.hello));
      const [a, b] = await Promise.all([postMany(product.url, 150, 4), postMany(other.url, 150, 4)]);
      expect([...a, ...b].every((r) => r.status === 201)).toBe(true);
      const posted = new Set([...a, ...b].map((r) => r.id));
      const expected = (
        await test.pool.query<{ id: string }>('SELECT id::text FROM events WHERE report_id = ANY($1::bigint[])', [
          [...posted],
        ])
      ).rows.map((r) => r.id);
      expect(expected).toHaveLength(300);
      // Only this test's reports: a client may also see the tail of the previous test, which is not in question here.
      const ours = (c: RecordingClient) => c.notices.filter((n) => posted.has(n.reportId)).map((n) => n.eventId);
      await waitUntil(() => clients.every((c) => ours(c).length >= 300), 10_000);
      await sleep(200);
      for (const c of clients)
        expect(gapsAndDuplicates(ours(c), expected)).toEqual({ missing: [], duplicates: [], extra: [] });
      for (const c of clients) c.close();
    } finally {
      await other.stop();
    }
  }, 30_000);
});
