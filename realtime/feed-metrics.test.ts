// The feed process's figures reach the main /metrics: sockets per audience move as sockets come and go, and a
// report's event adds to the lag histogram.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { socketAudience } from './feed-metrics.ts';
import { recordingClient } from './test-support/feed-client.ts';
import { postMany } from './test-support/load.ts';
import { startTestProduct, type TestProduct } from './test-support/test-product.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('names the audience of a socket: public, wall, field unit, other staff', () => {
  expect(socketAudience({ audience: 'public' })).toBe('public');
  expect(socketAudience({ audience: 'staff', role: 'wall_viewer' })).toBe('wall');
  expect(socketAudience({ audience: 'staff', role: 'field_officer', unitId: 'u1' })).toBe('unit');
  expect(socketAudience({ audience: 'staff', role: 'dispatcher', unitId: null })).toBe('staff');
  expect(socketAudience(undefined)).toBe('public');
});

describe('feed metrics in /metrics', () => {
  let running: TestProduct;
  beforeAll(async () => {
    running = await startTestProduct();
  });
  afterAll(async () => running?.stop());

  const scrape = async () => {
    const res = await fetch(`${running.product.url}/metrics`);
    expect(res.status).toBe(200);
    return res.text();
  };
  const value = (text: string, series: string) => {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line === undefined ? null : Number(line.slice(series.length + 1));
  };
  const sockets = (text: string, audience: string) => value(text, `hientruong_feed_sockets{audience="${audience}"}`);

  it('counts connected sockets per audience, from the feed process', async () => {
    const before = await scrape();
    expect(sockets(before, 'public')).toBe(0);
    expect(sockets(before, 'wall')).toBe(0);
    const wall = recordingClient(running.product.url, { token: running.product.operatorToken });
    const citizen = recordingClient(running.product.url);
    await Promise.all([wall.hello, citizen.hello]);
    const during = await scrape();
    expect(sockets(during, 'wall')).toBe(1);
    expect(sockets(during, 'public')).toBe(1);
    expect(sockets(during, 'staff')).toBe(0);
    expect(during).toContain('hientruong_feed_process_cpu_seconds_total'); // the feed process's own figures
    expect(during).toMatch(/^hientruong_reports_accepted_total \d+$/m); // beside the main process's
    citizen.close();
    let after = during;
    for (let i = 0; i < 50 && sockets(after, 'public') !== 0; i++) after = (await sleep(100), await scrape());
    expect(sockets(after, 'public')).toBe(0);
    wall.close();
  });

  it("observes a report's lag from its write to its emit", async () => {
    const lagCount = (text: string) => value(text, 'hientruong_feed_lag_seconds_count') ?? 0;
    const emitted = (text: string) => value(text, 'hientruong_feed_events_emitted_total') ?? 0;
    const before = await scrape();
    const [posted] = await postMany(running.product.url, 1, 1);
    expect(posted.status).toBe(201);
    let after = before;
    for (let i = 0; i < 100 && lagCount(after) === lagCount(before); i++) after = (await sleep(100), await scrape());
    expect(lagCount(after)).toBe(lagCount(before) + 1);
    expect(emitted(after)).toBe(emitted(before) + 1);
    expect(value(after, 'hientruong_feed_lag_seconds_sum')).toBeLessThan(60);
  });
});
