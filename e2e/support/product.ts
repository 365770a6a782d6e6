// The product a browser test drives: the built dashboard, a fresh database, a free port, the demo accounts.
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startProduct, type ProductOptions, type RunningProduct } from '../../main.ts';
import { freshTestDatabase, type TestDatabase } from '../../sql/test-support/db.ts';
import { ARTIFACTS, DIST, ROOT } from './chromium.ts';

/** What the bundle is built from: a change to any of them makes dist/ stale. */
const BUNDLE_SOURCES = ['dashboard', 'domain', 'geo', 'vite.config.ts', 'package-lock.json'];

/** The newest modification under `path` (a folder's own time counts too: it changes when a file is removed). */
function newestMtime(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), info.mtimeMs);
}

/** `dist` is missing, or older than a source of the bundle under `root`: a test would drive yesterday's screens. */
export function distIsStale(root = ROOT, dist = DIST): boolean {
  const built = join(dist, 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return BUNDLE_SOURCES.some((source) => existsSync(join(root, source)) && newestMtime(join(root, source)) > builtAt);
}

/**
 * Builds dist/ when stale and starts the product on a free port with the demo accounts and the demo wall token.
 * `database` restarts on one a test already holds (and its data); otherwise a fresh one is made.
 */
export async function startBrowserProduct(
  opts: ProductOptions = {},
  database?: TestDatabase,
): Promise<{ test: TestDatabase; product: RunningProduct }> {
  if (distIsStale()) execSync('npx vite build --logLevel warn', { cwd: ROOT, stdio: 'inherit' });
  mkdirSync(ARTIFACTS, { recursive: true });
  const test = database ?? (await freshTestDatabase());
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
