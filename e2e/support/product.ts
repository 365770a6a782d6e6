// The product a browser test drives: the built dashboard, a fresh database, a free port, the demo accounts.
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { startProduct, type ProductOptions, type RunningProduct } from '../../main.ts';
import { freshTestDatabase, type TestDatabase } from '../../sql/test-support/db.ts';
import { ARTIFACTS, DIST, ROOT } from './chromium.ts';

export async function startBrowserProduct(
  opts: ProductOptions = {},
): Promise<{ test: TestDatabase; product: RunningProduct }> {
  if (!existsSync(`${DIST}/index.html`)) execSync('npx vite build --logLevel warn', { cwd: ROOT, stdio: 'inherit' });
  mkdirSync(ARTIFACTS, { recursive: true });
  const test = await freshTestDatabase();
  const product = await startProduct({
    databaseUrl: test.url,
    port: 0,
    host: '127.0.0.1',
    demo: false,
    distDir: DIST,
    demoAccounts: true,
    ...opts,
  });
  return { test, product };
}
