// A service manager's SIGTERM reaches the whole process group: the main process must stop everything in
// order and exit 0, and the feed process must wait to be stopped by it rather than leave on its own.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../sql/test-support/db.ts';
import { recordingClient } from './test-support/feed-client.ts';
import { postMany, postReport, type PostResult } from './test-support/load.ts';
import { startTestProduct, type TestProduct } from './test-support/test-product.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
/** Linux lists a process's children under /proc: how the test finds the feed process of a spawned product. */
const childrenOf = (pid: number) =>
  readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);

describe('SIGTERM to the product', () => {
  describe('in-process product', () => {
    let running: TestProduct;
    beforeAll(async () => {
      running = await startTestProduct();
    });
    afterAll(async () => {
      await running?.stop();
    });

    it('the feed process ignores a SIGTERM of its own and keeps serving until the main process stops it', async () => {
      const pid = running.product.feedPid()!;
      process.kill(pid, 'SIGTERM');
      await sleep(1000); // a feed process that left would be gone, and replaced, by now
      expect(alive(pid)).toBe(true);
      expect(running.product.feedPid()).toBe(pid);
      const client = recordingClient(running.product.url, { token: running.product.operatorToken });
      await client.hello;
      const [posted] = await postMany(running.product.url, 1, 1);
      await client.waitFor((n) => n.some((x) => x.reportId === posted.id));
      client.close();
    });
  });

  describe('the command line on DATABASE_URL', () => {
    const test = useTestDatabase();

    it('stops in order and exits 0 when its process group is sent SIGTERM; every report it acknowledged is stored', async () => {
      // detached: its own process group, as under a service manager, so the signal can go to the group.
      const child = spawn(process.execPath, ['--import', 'tsx', 'main.ts'], {
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, DATABASE_URL: test.url, PORT: '0', HOST: '127.0.0.1', DEMO: '0' },
      });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
      for (let i = 0; i < 600 && !/API: +http/.test(out); i++) await sleep(100);
      const url = /API: +(http:\/\/[^/\s]+)/.exec(out)?.[1];
      expect(url, out).toBeDefined();
      const feedPids = childrenOf(child.pid!);
      expect(feedPids.length).toBeGreaterThan(0);

      // Reports in flight when the signal comes: each gets an answer, and a 201 means it is stored.
      const inFlight = Array.from({ length: 40 }, (_, i) => postReport(url!, i));
      await Promise.race(inFlight);
      process.kill(-child.pid!, 'SIGTERM');
      // And requests that arrive while it stops.
      await sleep(50);
      const late = Array.from({ length: 20 }, (_, i) => postReport(url!, 100 + i));
      const answered = await Promise.all(inFlight);
      const lateResults = await Promise.all(late);
      const results = [...answered, ...lateResults];
      const code = await Promise.race([exited, sleep(20_000).then(() => 'still running')]);

      expect(code, out).toBe(0);
      expect(out).toContain('stopping');
      for (const pid of feedPids) expect(alive(pid)).toBe(false);
      // An answer for every accepted request: 201, or 503 (retry) while it drains; never a reset connection.
      expect(answered.filter((r) => r.status !== 201 && r.status !== 503)).toEqual([]);
      // A late request may also find the port already closed (refused), or be sent on a kept-alive connection just
      // as the drained server closes it (closed before any answer: TCP's own race, nothing acknowledged).
      const lateOk = (r: PostResult) =>
        r.status === 201 || r.status === 503 || r.error === 'ECONNREFUSED' || r.error === 'UND_ERR_SOCKET';
      expect(lateResults.filter((r) => !lateOk(r))).toEqual([]);
      const acknowledged = results.filter((r) => r.status === 201).map((r) => r.id!);
      expect(acknowledged.length).toBeGreaterThan(0);
      const { rows } = await test.pool.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM reports WHERE id = ANY($1::bigint[])',
        [acknowledged],
      );
      expect(rows[0].n).toBe(acknowledged.length);
    }, 90_000);
  });
});
