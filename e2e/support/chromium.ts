// What every browser test shares: Debian's Chromium with the flags the project runs it under, where screenshots
// go, and axe-core's serious or critical findings.
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = `${ROOT}dist`;
export const ARTIFACTS = `${ROOT}e2e/artifacts`;

/** Headless, no sandbox (root in CI), software WebGL, nothing that reaches the network on its own. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
}

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Serious or critical violations on the page as it is now (WCAG 2.1 AA rules, or every rule), as short lines. */
export async function axeProblems(page: Page, rules: 'wcag21aa' | 'all' = 'wcag21aa'): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const result = await (rules === 'all' ? builder : builder.withTags(WCAG_21_AA)).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
