// The feed in its own lower-priority process behind the product's one port: WebSocket connections are
// handed to it, long-polling is proxied, and a feed process that dies is restarted without losing an event.
import { Agent, get } from 'node:http';
import { getPriority } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { DEFAULT_FEED_NICE } from '../../main.ts';
import type { TestDatabase } from '../../sql/test-support/db.ts';
import { gapsAndDuplicates, recordingClient } from '../test-support/feed-client.ts';
import { postMany } from '../test-support/load.ts';
import { startTestProduct, type TestProduct } from '../test-support/test-product.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One GET over `agent`; the local port tells which TCP connection carried it. */
function getOver(agent: Agent, url: string): Promise<{ status: number; body: string; localPort: number }> {
  return new Promise((done, fail) => {
    get(url, { agent }, (res) => {
      let body = '';
      const localPort = res.socket.localPort!; // read now: at 'end' the socket is back in the agent's pool
      res
        .setEncoding('utf8')
        .on('data', (d) => (body += d))
        .on('end', () => done({ status: res.statusCode!, body, localPort }));
    }).on('error', fail);
  });
}

async function createdEventIds(test: TestDatabase, reportIds: string[]): Promise<string[]> {
  const { rows } = await test.pool.query<{ id: string }>(
    "SELECT id::text FROM events WHERE kind = 'report.created' AND report_id = ANY($1::bigint[]) ORDER BY id",
    [reportIds],
  );
  return rows.map((r) => r.id);
}

describe('the feed process', () => {
  let running: TestProduct;
  beforeAll(async () => {
    running = await startTestProduct();
  });
  afterAll(async () => {
    await running?.stop();
  });

  it('runs apart from the API at a lower priority, and serves WebSocket clients on the product port', async () => {
    const pid = running.product.feedPid();
    expect(pid).not.toBeNull();
    expect(pid).not.toBe(process.pid);
    expect(getPriority(pid!)).toBe(Math.max(getPriority(), DEFAULT_FEED_NICE));
    const client = recordingClient(running.product.url, { token: running.product.operatorToken });
    expect((await client.hello).audience).toBe('staff');
    const [posted] = await postMany(running.product.url, 1, 1);
    await client.waitFor((n) => n.some((x) => x.reportId === posted.id));
    client.close();
  });

  it('proxies long-polling, even on a keep-alive connection the API also uses', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const api = await getOver(agent, `${running.product.url}/api/v1/categories`);
      const handshake = await getOver(agent, `${running.product.url}/socket.io/?EIO=4&transport=polling`);
      const again = await getOver(agent, `${running.product.url}/api/v1/categories`);
      expect([api.status, handshake.status, again.status]).toEqual([200, 200, 200]);
      expect(new Set([api.localPort, handshake.localPort, again.localPort]).size).toBe(1); // one connection carried all three
      expect(handshake.body).toMatch(/^0\{"sid":"/); // an Engine.IO open packet, from the feed process
      expect(JSON.parse(again.body)).toEqual(JSON.parse(api.body));
    } finally {
      agent.destroy();
    }
    // And a client that only long-polls gets the feed through that proxy.
    const polling = io(running.product.url, { transports: ['polling'], forceNew: true, reconnection: false });
    const notice = new Promise<{ reportId: string }>((done) => polling.on('notice', done));
    await new Promise((done) => polling.once('hello', done));
    const [posted] = await postMany(running.product.url, 1, 1);
    expect((await notice).reportId).toBe(posted.id);
    polling.close();
  });

  it('a killed feed process is restarted, and a client that stayed on gets every event exactly once', async () => {
    const { product, test } = running;
    const client = recordingClient(product.url, { token: product.operatorToken, batch: true });
    await client.hello;
    const killed = product.feedPid()!;
    const results = await postMany(product.url, 600, 6, (done) => {
      if (done === 200) process.kill(killed, 'SIGKILL');
    });
    expect(results.filter((r) => r.status !== 201)).toEqual([]); // the API never depended on the feed process
    // Waits for the restart as long as a loaded host needs to fork and load it; a restart that never comes still fails.
    const restartBy = Date.now() + 60_000;
    while (Date.now() < restartBy && (product.feedPid() === null || product.feedPid() === killed)) await sleep(20);
    expect(product.feedPid()).not.toBeNull();
    expect(product.feedPid()).not.toBe(killed);

    const expected = await createdEventIds(
      test,
      results.map((r) => r.id!),
    );
    expect(expected).toHaveLength(600);
    await client.waitFor((n) => n.filter((x) => x.kind === 'report.created').length >= 600, 60_000);
    await sleep(300); // a duplicate would arrive after the last expected one
    const seen = client.notices.filter((n) => n.kind === 'report.created').map((n) => n.eventId);
    expect(gapsAndDuplicates(seen, expected)).toEqual({ missing: [], duplicates: [], extra: [] });
    expect(client.refetches).toEqual([]);
    client.close();
  }, 180_000);

  it('stops promptly after its feed process was replaced', async () => {
    // Node's server.close() waits forever for a child that took a connection and has since exited.
    const started = Date.now();
    await running.stop();
    expect(Date.now() - started).toBeLessThan(8000);
    running = null as unknown as TestProduct;
  });
});
