// Sign-in over HTTP behind a trusted proxy: parallel guesses are counted atomically, the owner at another address
// is not locked out, and the session cookie is Secure when the proxy says the client used HTTPS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../sql/seed/dispatch-data.ts';
import { startDispatchApp, type DispatchApp } from '../../test-support/dispatch-app.ts';

const login = (app: DispatchApp, username: string, password: string, headers: Record<string, string> = {}) =>
  fetch(`${app.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username, password }),
  });

describe('sign-in throttling behind a trusted proxy', () => {
  let app: DispatchApp;
  beforeAll(async () => {
    app = await startDispatchApp({ trustProxy: true });
  });
  afterAll(async () => app?.close());

  it('30 parallel wrong passwords: at most 5 are checked, the rest get 429 with Retry-After', async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => login(app, 'dispatcher', 'wrong', { 'x-forwarded-for': '203.0.113.7' })),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(25);
    expect(Number(answers.find((a) => a.status === 429)!.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('the right password among 40 parallel guesses is checked only if it was among the 5 admitted', async () => {
    const from = { 'x-forwarded-for': '203.0.113.8' };
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => login(app, 'supervisor', i === 39 ? DEMO_PASSWORD : 'guess', from)),
    );
    expect(answers.filter((a) => a.status !== 429).length).toBeLessThanOrEqual(5);
  });

  it('the owner signs in at once from their own address while the attacker is held', async () => {
    for (let i = 0; i < 5; i++) await login(app, 'agency', 'wrong', { 'x-forwarded-for': '198.51.100.1' });
    expect((await login(app, 'agency', DEMO_PASSWORD, { 'x-forwarded-for': '198.51.100.1' })).status).toBe(429);
    expect((await login(app, 'agency', DEMO_PASSWORD, { 'x-forwarded-for': '192.0.2.44' })).status).toBe(200);
  });

  it('marks the session cookie Secure when the trusted proxy forwarded HTTPS', async () => {
    const res = await login(app, 'admin', DEMO_PASSWORD, {
      'x-forwarded-proto': 'https',
      'x-forwarded-for': '192.0.2.1',
    });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().find((c) => c.startsWith('ht_session='))).toMatch(/;\s*secure/i);
  });
});

describe('without TRUST_PROXY', () => {
  let app: DispatchApp;
  beforeAll(async () => {
    app = await startDispatchApp();
  });
  afterAll(async () => app?.close());

  it('ignores forwarded headers: no Secure cookie over plain HTTP, and the real address is the one throttled', async () => {
    const res = await login(app, 'admin', DEMO_PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().find((c) => c.startsWith('ht_session='))).not.toMatch(/;\s*secure/i);
  });
});
