// Helpers of the citizen browser tests: a phone's photo, a report filled in anonymously.
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { expect } from 'vitest';

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
