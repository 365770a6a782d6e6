// Browser: an administrator issues an Open311 key in /admin (shown once) that a client then posts with, revokes
// it, registers a webhook and reads and replays its deliveries, and edits an import mapping; a supervisor reads
// the same tabs without a single control to change them.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningProduct } from '../main.ts';
import type { TestDatabase } from '../sql/test-support/db.ts';
import { openAdmin } from './support/admin.ts';
import { postReport } from './support/api.ts';
import { ARTIFACTS, axeProblems } from './support/chromium.ts';
import { signInPage } from './support/sign-in.ts';

describe('/admin integrations in the browser', () => {
  let test: TestDatabase;
  let product: RunningProduct;
  let browser: Browser;
  let admin: Page;
  let hits = 0;
  const receiver: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      hits++;
      res.writeHead(200).end();
    });
  });

  const postRequest = (apiKey: string) =>
    fetch(`${product.url}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ api_key: apiKey, service_code: 'road', lat: '19.8075', long: '105.7766' }),
    });

  beforeAll(async () => {
    await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
    ({ test, product, browser, admin } = await openAdmin());
    admin.on('dialog', (d) => void d.accept());
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    await test?.pool.end();
    await new Promise<void>((done) => receiver.close(() => done()));
  });

  it('an Open311 key issued here works once, is shown once, and stops working when revoked here', async () => {
    await admin.click('[data-tab="clients"]');
    await admin.fill('[data-testid="client-form"] input[name="slug"]', 'fms-e2e');
    await admin.fill('[data-testid="client-form"] input[name="name"]', 'FixMyStreet');
    await admin.click('[data-action="issue-client"]');
    const apiKey = (await admin.textContent('[data-testid="issued-api-key"]'))!;
    expect(apiKey).toMatch(/^o311_/);
    expect((await postRequest(apiKey)).status).toBe(201);
    await admin.click('[data-testid="clients"] tr[data-slug="fms-e2e"] [data-action="revoke-client"]');
    await admin.waitForSelector('[data-testid="clients"] tr[data-slug="fms-e2e"]:not(:has([data-action]))');
    expect((await postRequest(apiKey)).status).toBe(403);
    // After a reload the key is nowhere on the page: it was shown once.
    await admin.reload();
    await admin.click('[data-tab="clients"]');
    await admin.waitForSelector('[data-testid="clients"] tr[data-slug="fms-e2e"]');
    expect(await admin.content()).not.toContain(apiKey);
  }, 90_000);

  it('a webhook registered here is delivered; its deliveries, attempts and a replay show here', async () => {
    const url = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`;
    await admin.click('[data-tab="webhooks"]');
    await admin.fill('[data-testid="webhook-form"] input[name="url"]', url);
    await admin.selectOption('[data-testid="webhook-form"] select[name="events"]', 'report.created');
    await admin.click('[data-action="register-webhook"]');
    await admin.waitForSelector('[data-testid="issued-webhook-secret"]');
    await postReport(product.url, { category: 'road', description: 'Ổ gà', lat: 19.8075, lng: 105.7766 });
    await expect.poll(() => hits, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
    await admin.click('[data-testid="webhooks"] [data-action="show-deliveries"]');
    const row = '[data-testid="deliveries"] tr[data-status="delivered"]';
    await admin.waitForSelector(`${row}:has-text("200")`);
    await admin.click(`${row} [data-action="replay-delivery"]`);
    await expect.poll(() => hits, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    await admin.screenshot({ path: `${ARTIFACTS}/admin-integrations-1-deliveries.png` });
  }, 90_000);

  it('an import mapping is added, renamed and deleted here, each change in the audit trail', async () => {
    await admin.click('[data-tab="mappings"]');
    const form = '[data-testid="mapping-form"]';
    await admin.fill(`${form} input[name="name"]`, 'tong-dai');
    await admin.fill(`${form} input[name="category"]`, 'Loại');
    await admin.fill(`${form} input[name="description"]`, 'Nội dung');
    await admin.fill(`${form} input[name="address"]`, 'Địa chỉ');
    await admin.fill(`${form} textarea[name="values"]`, 'Rác thải = rubbish');
    await admin.click('[data-action="add-mapping"]');
    await admin.click('[data-testid="mappings"] tr[data-name="tong-dai"] [data-action="edit-mapping"]');
    await admin.fill(`${form} input[name="name"]`, 'tong-dai-1022');
    await admin.click(`${form} [data-action="edit-mapping"]`);
    await admin.waitForSelector('[data-testid="mappings"] tr[data-name="tong-dai-1022"]:has-text("rubbish")');
    await admin.click('[data-testid="mappings"] tr[data-name="tong-dai-1022"] [data-action="remove-mapping"]');
    await admin.waitForSelector('[data-testid="mappings"] tr[data-name="tong-dai-1022"]', { state: 'detached' });
    const { rows } = await test.pool.query<{ action: string }>(
      "SELECT action FROM admin_audit WHERE entity = 'import_mapping' ORDER BY id",
    );
    expect(rows.map((r) => r.action)).toEqual(['save', 'edit', 'delete']);
    await admin.click('[data-tab="audit"]');
    await admin.waitForSelector('[data-testid="audit"] td:has-text("delete")');
  }, 90_000);

  it('a supervisor reads every integrations tab with no control to change anything', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signInPage(page, product.url, '/admin', 'supervisor');
    await page.waitForSelector('[data-testid="admin"]');
    await page.click('[data-tab="clients"]');
    await page.waitForSelector('[data-testid="clients"] tr[data-slug="fms-e2e"]');
    expect(await page.$$('[data-testid="client-form"], [data-action="revoke-client"]')).toHaveLength(0);
    expect(await axeProblems(page)).toEqual([]);
    await page.click('[data-tab="webhooks"]');
    await page.click('[data-testid="webhooks"] [data-action="show-deliveries"]');
    await page.waitForSelector('[data-testid="deliveries"] tr[data-status]');
    expect(
      await page.$$('[data-testid="webhook-form"], [data-action="replay-delivery"], [data-action="disable-webhook"]'),
    ).toHaveLength(0);
    expect(await axeProblems(page)).toEqual([]);
    await page.click('[data-tab="mappings"]');
    expect(await page.$$('[data-testid="mapping-form"], [data-action="remove-mapping"]')).toHaveLength(0);
  }, 90_000);
});
