// A demo staff member signed in, shared by the browser tests: through the sign-in form as a person fills it, or
// over the API as the dispatch console does.
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../sql/seed/dispatch-data.ts';

/** Opens `path` on the product, signs in as a demo staff member and submits; the caller waits for its screen. */
export async function signInPage(page: Page, baseUrl: string, path: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', DEMO_PASSWORD);
  await page.click('button[type="submit"]');
}

export interface Staff {
  post(path: string, body: Record<string, unknown>): Promise<number>;
  transition(reportId: string, body: Record<string, unknown>): Promise<number>;
  queueCodes(): Promise<string[]>;
}

/** Signs a demo staff member in (session cookie + CSRF token), as the dispatch console does. */
export async function signIn(url: string, username: string): Promise<Staff> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  const post = async (path: string, body: Record<string, unknown>) => {
    const r = await fetch(`${url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    if (r.status >= 300) throw new Error(`${path} ${JSON.stringify(body)}: ${r.status} ${await r.text()}`);
    return r.status;
  };
  return {
    post,
    transition: (reportId, body) => post(`/api/v1/reports/${reportId}/transitions`, body),
    queueCodes: async () => {
      const r = await fetch(`${url}/api/v1/queue?limit=200`, { headers });
      const body = (await r.json()) as { items: { code: string }[] };
      return body.items.map((i) => i.code);
    },
  };
}
