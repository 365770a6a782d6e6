// The dashboard may only import TYPES from the two server contracts (and anything of domain/); dependency-cruiser cannot parse TSX, swc can.
import { describe, expect, it } from 'vitest';
import { parseFileSync } from '@swc/core';
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const CONTRACTS = ['ingest/presenters/dto.ts', 'realtime/protocol.ts'];
/** Pure maths the browser runs as the server does (replay's hot spots): values allowed, nothing with I/O. */
const PURE_GEO = ['geo/hotspot-grid.ts'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : /\.tsx?$/.test(d.name) ? [join(dir, d.name)] : [],
  );
}

describe('dashboard dependency rules', () => {
  // Tests are not bundled: they may check the browser's answers against the server's reference code.
  const shipped = sourceFiles(join(ROOT, 'dashboard')).filter((f) => !/\.test\.tsx?$/.test(f));
  it.each(shipped.map((f) => [relative(ROOT, f), f]))(
    '%s imports server code only as contract types',
    (_name, file) => {
      const ast = parseFileSync(file, { syntax: 'typescript', tsx: file.endsWith('x') });
      for (const item of ast.body) {
        if (
          item.type !== 'ImportDeclaration' &&
          item.type !== 'ExportNamedDeclaration' &&
          item.type !== 'ExportAllDeclaration'
        )
          continue;
        const source = 'source' in item && item.source ? item.source.value : null;
        if (!source || !source.startsWith('.')) continue;
        const target = relative(ROOT, resolve(join(file, '..'), source));
        // domain/ is the product's vocabulary and imports nothing: the dashboard may use its values too.
        if (target.startsWith('dashboard/') || target.startsWith('domain/') || PURE_GEO.includes(target)) continue;
        expect(CONTRACTS, `${target} is not a dashboard contract`).toContain(target);
        const typeOnly =
          item.type === 'ImportDeclaration'
            ? item.typeOnly || item.specifiers.every((s) => s.type === 'ImportSpecifier' && s.isTypeOnly)
            : item.type === 'ExportNamedDeclaration' && item.typeOnly;
        expect(typeOnly, `${target} must be imported with 'import type'`).toBe(true);
      }
    },
  );

  // A static import would put Plot in the importing page's bundle; data/use-plot.ts imports it on demand.
  it.each(shipped.map((f) => [relative(ROOT, f), f]))('%s never imports Observable Plot statically', (_name, file) => {
    const ast = parseFileSync(file, { syntax: 'typescript', tsx: file.endsWith('x') });
    const plotImports = ast.body.filter(
      (item) => item.type === 'ImportDeclaration' && item.source.value === '@observablehq/plot' && !item.typeOnly,
    );
    expect(plotImports).toEqual([]);
  });
});
