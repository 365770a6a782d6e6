// Anonymous reads have a budget per address and a pool of their own: a flood of them is refused or waits there,
// while reports are still written and staff still read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicReadPool, type Db } from '../sql/db.ts';
import { freshTestDatabase } from '../sql/test-support/db.ts';
import { startDispatchApp, type DispatchApp } from './test-support/dispatch-app.ts';

describe('anonymous reads cannot starve the write path', () => {
  let app: DispatchApp;
  let publicDb: Db;
  beforeAll(async () => {
    // The public pool reads a database of the same schema (the app's own is made inside startDispatchApp).
    const scratch = await freshTestDatabase();
    await scratch.pool.end();
    publicDb = createPublicReadPool(scratch.url, 1, 300);
    app = await startDispatchApp({ publicDb, publicReadLimit: { points: 20, windowS: 30 } });
  });
  afterAll(async () => {
    await app?.close();
    await publicDb?.end();
  });

  it('past its budget an address gets 429 with Retry-After; writes and staff reads go on', async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, () => fetch(`${app.url}/api/v1/categories`)));
    const refused = answers.filter((a) => a.status === 429);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(20);
    expect(refused).toHaveLength(10);
    expect(Number(refused[0].headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused[0].json()) as { error: { code: string } }).error.code).toBe('too_many_requests');
    expect(
      (await app.anonymous.post('/api/v1/reports', { category: 'road', description: 'Ổ gà', lat: 19.8, lng: 105.77 }))
        .status,
    ).toBe(201);
    expect((await app.kiosk.get('/api/v1/stats')).status).toBe(200);
  });
});

describe('the public read pool', () => {
  it('anonymous reads wait on their own connections: when those are all busy they get 503, reports still commit', async () => {
    const test = await freshTestDatabase();
    const publicDb = createPublicReadPool(test.url, 1, 300);
    await test.pool.end();
    const app = await startDispatchApp({ publicDb });
    const held = await publicDb.connect(); // the only public connection, taken
    try {
      // The counters, and the alerts every screen in an area reloads at once when one is published.
      for (const path of ['/api/v1/stats', '/api/v1/alerts', '/api/v1/alerts.atom', '/api/v1/alerts/1']) {
        const read = await fetch(`${app.url}${path}`);
        expect(read.status, path).toBe(503);
        expect(read.headers.get('retry-after'), path).toBe('1');
      }
      expect((await app.kiosk.get('/api/v1/stats')).status).toBe(200);
      expect((await app.kiosk.get('/api/v1/alerts')).status).toBe(200);
      expect(
        (await app.anonymous.post('/api/v1/reports', { category: 'road', description: 'Ổ gà', lat: 19.8, lng: 105.77 }))
          .status,
      ).toBe(201);
    } finally {
      held.release();
      await app.close();
      await publicDb.end();
    }
  });
});
