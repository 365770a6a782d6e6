// Liveness and readiness: /readyz follows the database, /healthz only the process.
import { describe, expect, it } from 'vitest';
import { startDispatchApp } from './test-support/dispatch-app.ts';

describe('health endpoints', () => {
  it('/healthz and /readyz are 200 with a database, /readyz 503 without one', async () => {
    const app = await startDispatchApp();
    try {
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
      await app.db.end(); // the database is gone as far as this app can tell
      const notReady = await fetch(`${app.url}/readyz`);
      expect(notReady.status).toBe(503);
      expect(notReady.headers.get('retry-after')).toBe('1');
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    } finally {
      await app.close().catch(() => {});
    }
  });
});
