// Vite plugin: index.html serves every path, so it cannot name a page's chunks. For the citizen pages this writes
// one HTML file each (report.html, track.html; the server sends them for /report and /track/<code>) that names
// the page's chunks as <link rel=modulepreload> (fetched in parallel with the entry, no inline script the CSP
// would block) and, for /report, carries its first screen as static HTML: a phone on slow 4G paints it as soon
// as the HTML and the stylesheet are in, before any script has run; React replaces it with the live form.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { OutputBundle } from 'rolldown';
import type { Plugin } from 'vite';

/** Page -> the module its route lazily imports, and the static first screen, if any. */
const PAGES: Record<string, { module: string; shell?: string }> = {
  report: { module: 'report-view.tsx', shell: 'citizen/report/report-shell.html' },
  track: { module: 'track-view.tsx' },
};

/** The page chunk and every chunk it imports statically, transitively, less the entry (the HTML loads it). */
function chunksOf(bundle: OutputBundle, module: string): string[] {
  const page = Object.values(bundle).find((c) => c.type === 'chunk' && c.facadeModuleId?.endsWith(module));
  if (!page) return [];
  const seen = new Set<string>();
  const visit = (f: string) => {
    const c = bundle[f];
    if (seen.has(f) || c?.type !== 'chunk' || c.isEntry) return;
    seen.add(f);
    c.imports.forEach(visit);
  };
  visit(page.fileName);
  return [...seen];
}

export function pageHtml(): Plugin {
  let root = '';
  let outDir = '';
  return {
    name: 'hientruong-page-html',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle(_options, bundle) {
      const index = readFileSync(resolve(outDir, 'index.html'), 'utf8');
      for (const [page, { module, shell }] of Object.entries(PAGES)) {
        const chunks = chunksOf(bundle, module);
        const links = chunks.map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`);
        // The chunks' stylesheets as real links: Vite's loader finds them in the document and does not wait for
        // them again (a preload would be fetched twice wherever the cache is off).
        for (const f of chunks) {
          const css = (bundle[f] as { viteMetadata?: { importedCss?: Set<string> } }).viteMetadata?.importedCss;
          for (const c of css ?? []) links.push(`<link rel="stylesheet" crossorigin href="/${c}">`);
        }
        let html = index.replace('</head>', `${links.join('')}</head>`);
        if (shell)
          html = html.replace(
            '<div id="root"></div>',
            `<div id="root">${readFileSync(resolve(root, shell), 'utf8')}</div>`,
          );
        writeFileSync(resolve(outDir, `${page}.html`), html);
      }
    },
  };
}
