// Helpers of the citizen browser test: a staff member over the API, a test photo.
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../sql/seed/dispatch-data.ts';

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

/** A 2400x1800 JPEG, like a phone's, so the browser has something to shrink. */
export function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 2400, height: 1800, channels: 3, background: { r: 90, g: 120, b: 160 } } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** /report's three screens by GPS (Hạc Thành), a category and a description, anonymously: ready to send. */
export async function fillAnonymousReport(page: Page, category: string, description: string): Promise<void> {
  await page.tap('[data-testid="use-location"]');
  await expect.poll(() => page.textContent('[data-testid="place-commune"]')).toMatch(/Hạc Thành/);
  await page.tap('[data-testid="next"]');
  await page.tap(`[data-testid="category-${category}"]`);
  await page.fill('[data-testid="description"]', description);
  await page.tap('[data-testid="next"]');
  await page.check('[data-testid="anonymous"]');
}
