// A field unit's phone moves it: staff sockets see the move live, public sockets never learn where a team is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningProduct } from '../main.ts';
import type { UnitNotice } from './protocol.ts';
import { recordingClient, type RecordingClient } from './test-support/feed-client.ts';
import { startTestProduct, type TestProduct } from './test-support/test-product.ts';

describe('unit movements on the feed', () => {
  let running: TestProduct;
  let product: RunningProduct;
  let staff: RecordingClient;
  let pub: RecordingClient;
  const staffUnits: UnitNotice[] = [];
  const publicUnits: unknown[] = [];

  beforeAll(async () => {
    running = await startTestProduct();
    ({ product } = running);
    staff = recordingClient(product.url, { token: product.operatorToken });
    pub = recordingClient(product.url);
    staff.socket.on('unit', (n) => staffUnits.push(n));
    (pub.socket as unknown as { on(e: string, f: (n: unknown) => void): void }).on('unit', (n) => publicUnits.push(n));
    await Promise.all([staff.hello, pub.hello]);
  });
  afterAll(async () => {
    staff?.close();
    pub?.close();
    await running?.stop();
  });

  it('reaches staff with the new position and nothing reaches the public', async () => {
    const res = await fetch(`${product.url}/api/v1/units/xd-01/position`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer unit_demo_xd-01' },
      body: JSON.stringify({ lat: 19.8111, lng: 105.7722 }),
    });
    expect(res.status).toBe(200);
    for (let i = 0; i < 300 && !staffUnits.some((u) => u.unitId === 'xd-01'); i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(staffUnits.find((u) => u.unitId === 'xd-01')).toMatchObject({
      lat: 19.8111,
      lng: 105.7722,
      agencyId: 'so-xay-dung',
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(publicUnits).toEqual([]);
    expect(JSON.stringify(pub.notices)).not.toContain('xd-01');
  });
});
