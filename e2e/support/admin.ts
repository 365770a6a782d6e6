// /admin as the administrator's browser tests open it: the product, Chromium, and the demo admin signed in.
import type { Browser, Page } from 'playwright-core';
import type { RunningProduct } from '../../main.ts';
import type { TestDatabase } from '../../sql/test-support/db.ts';
import { launchChromium } from './chromium.ts';
import { startBrowserProduct } from './product.ts';
import { signInPage } from './sign-in.ts';

export interface OpenAdmin {
  test: TestDatabase;
  product: RunningProduct;
  browser: Browser;
  /** A desktop-sized, Vietnamese page on /admin, signed in as the demo administrator. */
  admin: Page;
}

/** Starts it all; when a step fails, what did start is closed, since the caller's afterAll never got hold of it. */
export async function openAdmin(): Promise<OpenAdmin> {
  const { test, product } = await startBrowserProduct();
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'vi-VN' });
    const admin = await context.newPage();
    await signInPage(admin, product.url, '/admin', 'admin');
    await admin.waitForSelector('[data-testid="admin"]');
    return { test, product, browser, admin };
  } catch (error) {
    await browser?.close();
    await product.stop();
    await test.pool.end();
    throw error;
  }
}
