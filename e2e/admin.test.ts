// Browser: an administrator adds a routing rule in /admin and the next report in that commune goes to the new
// agency; invites an account whose holder sets the password through the link (once); deactivating a staff account
// takes that person's open console off within a few seconds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningProduct } from '../main.ts';
import type { TestDatabase } from '../sql/test-support/db.ts';
import { openAdmin } from './support/admin.ts';
import { postReport } from './support/api.ts';
import { ARTIFACTS, axeProblems } from './support/chromium.ts';
import { signInPage } from './support/sign-in.ts';

const AT = { lat: 19.8075, lng: 105.7766 };

describe('/admin in the browser', () => {
  let test: TestDatabase;
  let product: RunningProduct;
  let browser: Browser;
  let admin: Page;

  const report = async (category: string) => {
    const { id } = await postReport(product.url, { category, description: 'Rác đổ trộm ven đường', ...AT });
    const { rows } = await test.pool.query<{ agency_id: string; area_code: string }>(
      'SELECT agency_id, area_code FROM reports WHERE id = $1',
      [id],
    );
    return rows[0];
  };

  beforeAll(async () => {
    ({ test, product, browser, admin } = await openAdmin());
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    await test?.pool.end();
  });

  it('a routing rule added in /admin sends the next report of that commune to the new agency', async () => {
    const before = await report('rubbish');
    expect(before.agency_id).toMatch(/^ubnd-/);
    await admin.click('[data-tab="routing"]');
    await admin.waitForSelector(
      '[data-testid="rule-form"] select[name="agencyId"] option[value="so-nong-nghiep-moi-truong"]',
      {
        state: 'attached',
      },
    );
    await admin.selectOption('[data-testid="rule-form"] select[name="agencyId"]', 'so-nong-nghiep-moi-truong');
    await admin.selectOption('[data-testid="rule-form"] select[name="category"]', 'rubbish');
    await admin.selectOption('[data-testid="rule-form"] select[name="areaCode"]', before.area_code);
    await admin.click('[data-action="add-rule"]');
    await admin.waitForSelector('[data-testid="admin-flash"].ok');
    await admin.click('[data-testid="routing-preview"] button[type="submit"]');
    await admin.selectOption('[data-testid="routing-preview"] select', 'rubbish');
    await admin.click('[data-testid="routing-preview"] button[type="submit"]');
    await admin.waitForSelector('[data-testid="preview-answer"]:has-text("Sở Nông nghiệp")');
    expect((await report('rubbish')).agency_id).toBe('so-nong-nghiep-moi-truong');
    await admin.click('[data-tab="audit"]');
    await admin.waitForSelector('[data-testid="audit"] td:has-text("add")');
    await admin.screenshot({ path: `${ARTIFACTS}/admin-1-audit.png` });
  }, 90_000);

  it('a deadline of its own for one priority is added in the deadlines tab and audited', async () => {
    await admin.click('[data-tab="sla"]');
    const form = '[data-testid="sla-priority-form"]';
    await admin.waitForSelector(`${form} select[name="category"] option[value="flooding"]`, { state: 'attached' });
    await admin.selectOption(`${form} select[name="category"]`, 'flooding');
    await admin.selectOption(`${form} select[name="forPriority"]`, '1');
    await admin.fill(`${form} input[name="resolutionAmount"]`, '4');
    await admin.click('[data-action="add-sla-priority"]');
    await admin.waitForSelector('[data-testid="sla"] tr[data-category="flooding"][data-for-priority="1"]');
    const { rows } = await test.pool.query<{ resolution_amount: number }>(
      "SELECT resolution_amount FROM category_sla WHERE category = 'flooding' AND priority = 1",
    );
    expect(rows).toEqual([{ resolution_amount: 4 }]);
    await admin.click('[data-tab="audit"]');
    await admin.waitForSelector('[data-testid="audit"] td:has-text("flooding:p1")');
  }, 90_000);

  it('an invited account gets a one-time link and QR; the invitee sets a password and signs in', async () => {
    await admin.click('[data-tab="staff"]');
    await admin.fill('[data-testid="invite-form"] input[name="username"]', 'moi.canbo');
    await admin.fill('[data-testid="invite-form"] input[name="displayName"]', 'Cán bộ Mới');
    await admin.click('[data-action="invite"]');
    await admin.waitForSelector('[data-testid="invite-qr"]');
    const link = (await admin.textContent('[data-testid="invite-url"]'))!;
    expect(link).toMatch(/\/invite#inv_/);
    await admin.waitForSelector('[data-testid="staff"] tr[data-username="moi.canbo"] [data-action="reinvite"]');
    await admin.screenshot({ path: `${ARTIFACTS}/admin-3-invite.png` });

    const invitee = await (
      await browser.newContext({ viewport: { width: 390, height: 800 }, locale: 'vi-VN' })
    ).newPage();
    await invitee.goto(link);
    await invitee.waitForSelector('text=Cán bộ Mới');
    // A phone-sized page anyone holding the link opens: it passes axe-core.
    expect(await axeProblems(invitee)).toEqual([]);
    await invitee.fill('input[name="password"]', 'mật khẩu của cán bộ mới');
    await invitee.fill('input[name="repeat"]', 'mật khẩu gõ nhầm');
    await invitee.click('button[type="submit"]');
    await invitee.waitForSelector('[role="alert"]:has-text("không giống")');
    await invitee.fill('input[name="password"]', 'mật khẩu của cán bộ mới');
    await invitee.fill('input[name="repeat"]', 'mật khẩu của cán bộ mới');
    await invitee.click('button[type="submit"]');
    await invitee.waitForSelector('[data-testid="invite-done"]');
    await invitee.click('[data-testid="invite-done"] a');
    await invitee.fill('input[name="username"]', 'moi.canbo');
    await invitee.fill('input[name="password"]', 'mật khẩu của cán bộ mới');
    await invitee.click('button[type="submit"]');
    await invitee.waitForSelector('[data-testid="connection"]');
    // The link is spent.
    await invitee.goto(link);
    await invitee.waitForSelector('[data-testid="invite-error"]');
    await invitee.screenshot({ path: `${ARTIFACTS}/admin-4-invite-spent.png` });
    await invitee.context().close();
  }, 90_000);

  it("deactivating an account takes that person's open console off within a few seconds", async () => {
    const console2 = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    await signInPage(console2, product.url, '/dispatch', 'dispatcher2');
    await console2.waitForSelector('[data-testid="connection"][data-state="live"]');
    await admin.click('[data-tab="staff"]');
    const button = '[data-testid="staff"] tr[data-username="dispatcher2"] [data-action="deactivate"]';
    await admin.waitForSelector(button);
    admin.once('dialog', (d) => void d.accept());
    const started = Date.now();
    await admin.click(button);
    await console2.waitForSelector('[data-testid="login-form"]', { timeout: 15_000 });
    const ms = Date.now() - started;
    console.log(`deactivated console signed out after ${ms} ms`);
    expect(ms).toBeLessThan(15_000);
    await admin.waitForSelector('[data-testid="staff"] tr[data-username="dispatcher2"] [data-action="activate"]');
    await console2.screenshot({ path: `${ARTIFACTS}/admin-2-deactivated-console.png` });
  }, 90_000);
});
