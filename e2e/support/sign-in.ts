// The staff sign-in form as a person fills it, shared by the browser tests of the operators' screens.
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../sql/seed/dispatch-data.ts';

/** Opens `path` on the product, signs in as a demo staff member and submits; the caller waits for its screen. */
export async function signInPage(page: Page, baseUrl: string, path: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', DEMO_PASSWORD);
  await page.click('button[type="submit"]');
}
