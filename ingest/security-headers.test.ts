// Every answer carries the security headers; the CSP allows what the map needs and nothing from elsewhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDispatchApp, type DispatchApp } from './test-support/dispatch-app.ts';

describe('security headers', () => {
  let app: DispatchApp;
  beforeAll(async () => {
    app = await startDispatchApp();
  });
  afterAll(async () => app?.close());

  it('on answers and on errors: CSP with blob: workers and no framing, nosniff, no referrer', async () => {
    for (const path of ['/api/v1/categories', '/api/v1/reports/abc', '/api/v1/nothing-here']) {
      const res = await fetch(app.url + path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp).toContain("worker-src 'self' blob:");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-eval');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    }
  });
});
