// startBrowserProduct() rebuilds dist/ when a bundle source changed after the last build (a stale dist/ once made
// browser tests drive old screens): what counts as changed.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { distIsStale } from './product.ts';

describe('a stale dist/', () => {
  let root: string;
  const dist = () => join(root, 'dist');
  /** Writes `path` under the root, it and the folders it made modified `secondsAgo`. */
  const write = (path: string, secondsAgo: number) => {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, path);
    const at = new Date(Date.now() - secondsAgo * 1000);
    for (let p = file; p !== root; p = dirname(p)) utimesSync(p, at, at);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'ht-stale-'));
    write('dashboard/views/page.tsx', 600);
    write('domain/roles.ts', 600);
    write('vite.config.ts', 600);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is rebuilt when missing', () => {
    expect(distIsStale(root, dist())).toBe(true);
  });

  it('is kept when built after every source', () => {
    write('dist/index.html', 60);
    expect(distIsStale(root, dist())).toBe(false);
  });

  it.each(['dashboard/views/page.tsx', 'domain/roles.ts', 'geo/h3.ts', 'vite.config.ts', 'package-lock.json'])(
    'is rebuilt when %s changed after the build',
    (source) => {
      write('dist/index.html', 60);
      write(source, 1);
      expect(distIsStale(root, dist())).toBe(true);
    },
  );

  it('is kept when only the server or the tests changed', () => {
    write('dist/index.html', 60);
    write('ingest/app.ts', 1);
    write('e2e/wall.test.ts', 1);
    expect(distIsStale(root, dist())).toBe(false);
  });
});
