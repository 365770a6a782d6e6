// Alerts through a reconnect: a screen that was away resumes from its cursor and is told, in order, what became
// active, was updated, cancelled or expired meanwhile in its area, so it ends with the right active set;
// a screen elsewhere is told nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleAlert } from '../ingest/test-support/alerts.ts';
import type { AlertNotice, WatchRequest } from './protocol.ts';
import { recordingClient, type RecordingClient } from './test-support/feed-client.ts';
import { login } from './test-support/staff-login.ts';
import { startTestProduct, type TestProduct } from './test-support/test-product.ts';

const box = (lat: number, lng: number, d = 0.02): WatchRequest => ({
  bbox: [lng - d, lat - d, lng + d, lat + d],
  alertsOnly: true,
});

/** What a screen holds as active after applying the alert notices in the order it received them. */
function activeSet(heard: AlertNotice[]): string[] {
  const active = new Set<string>();
  for (const n of heard) {
    if (n.replaces) active.delete(n.replaces);
    if (n.change === 'published' || n.change === 'updated') active.add(n.alertId);
    else active.delete(n.alertId);
  }
  return [...active].sort();
}

describe('alerts replayed on resume', () => {
  let running: TestProduct;
  let inside: RecordingClient;
  let outside: RecordingClient;
  const heard = { inside: [] as AlertNotice[], outside: [] as AlertNotice[] };

  beforeAll(async () => {
    running = await startTestProduct();
    // Batches, as the dashboard asks: the cursor only moves with report notices, so a resume starts before the alerts.
    inside = recordingClient(running.product.url, { watch: box(19.8, 105.78), batch: true });
    outside = recordingClient(running.product.url, { watch: box(20.3, 105.3), batch: true });
    inside.socket.on('alert', (n) => heard.inside.push(n));
    outside.socket.on('alert', (n) => heard.outside.push(n));
    await Promise.all([inside.hello, outside.hello]);
  });
  afterAll(async () => {
    inside?.close();
    outside?.close();
    await running?.stop();
  });

  const until = async (check: () => boolean, what: string) => {
    const started = Date.now();
    while (!check()) {
      if (Date.now() - started > 10_000) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  it('publish, update, cancel and expiry while away reach the screen on resume; the active set is right', async () => {
    const admin = await login(running.product.url, 'admin');
    const first = (await admin('/api/v1/alerts', sampleAlert())).body.id;
    const second = (await admin('/api/v1/alerts', sampleAlert({ title: 'Cảnh báo thứ hai' }))).body.id;
    await until(() => activeSet(heard.inside).length === 2, 'two alerts live');
    expect(activeSet(heard.inside)).toEqual([first, second].sort());

    inside.socket.disconnect();
    outside.socket.disconnect();
    const shortLived = (
      await admin('/api/v1/alerts', sampleAlert({ expires: new Date(Date.now() + 1200).toISOString() }))
    ).body.id;
    const third = (await admin('/api/v1/alerts', sampleAlert({ title: 'Cảnh báo thứ ba' }))).body.id;
    expect((await admin(`/api/v1/alerts/${first}/cancel`, {})).status).toBe(200);
    const updated = await admin(`/api/v1/alerts/${second}/update`, sampleAlert({ title: 'Cảnh báo thứ hai (sửa)' }));
    expect(updated.status).toBe(201);
    const newSecond = updated.body.id;
    // The alert clock announces the expiry in the log while the screens are away.
    const expiredInLog = async () =>
      (
        await running.test.pool.query(
          `SELECT 1 FROM events WHERE kind = 'alert' AND payload->>'alertId' = $1 AND payload->>'change' = 'expired'`,
          [shortLived],
        )
      ).rowCount === 1;
    for (let i = 0; i < 200 && !(await expiredInLog()); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await expiredInLog()).toBe(true);
    const beforeResume = heard.inside.length;

    inside.socket.connect();
    outside.socket.connect();
    await until(
      () => heard.inside.some((n) => n.alertId === shortLived && n.change === 'expired'),
      'the replayed expiry',
    );
    const replayed = heard.inside.slice(beforeResume);
    expect(replayed.map((n) => `${n.alertId}:${n.change}`)).toEqual(
      expect.arrayContaining([
        `${shortLived}:published`,
        `${third}:published`,
        `${first}:cancelled`,
        `${newSecond}:updated`,
        `${shortLived}:expired`,
      ]),
    );
    expect(replayed.find((n) => n.alertId === newSecond)?.replaces).toBe(second);
    expect(activeSet(heard.inside)).toEqual([third, newSecond].sort());
    // Matches what the HTTP list says is active there now.
    const list = (await (await fetch(`${running.product.url}/api/v1/alerts`)).json()) as { alerts: { id: string }[] };
    expect(list.alerts.map((a) => a.id).sort()).toEqual([third, newSecond].sort());

    // Resumed live: the next change arrives once, live, not again from the log.
    expect((await admin(`/api/v1/alerts/${third}/cancel`, {})).status).toBe(200);
    await until(() => activeSet(heard.inside).length === 1, 'the live cancel');
    await new Promise((r) => setTimeout(r, 300));
    expect(heard.inside.filter((n) => n.alertId === third && n.change === 'cancelled')).toHaveLength(1);
    // The screen far away was told nothing, live or replayed.
    expect(heard.outside).toEqual([]);
    expect(outside.socket.connected).toBe(true);
  });
});
