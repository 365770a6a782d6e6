// Vite plugin: the HTML is one file for every path, so it cannot name a page's chunk statically. This adds
// a few bytes of inline script that, on /report or /track, asks for that page's chunks (modulepreload) in
// parallel with the entry instead of after it: one round trip less on a slow phone network.
import type { Plugin } from 'vite';

const PAGES: Record<string, string> = { report: 'report-view.tsx', track: 'track-view.tsx' };

export function routePreload(): Plugin {
  return {
    name: 'hientruong-route-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const files: Record<string, string[]> = {};
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || !chunk.facadeModuleId) continue;
          const page = Object.keys(PAGES).find((p) => chunk.facadeModuleId!.endsWith(PAGES[p]));
          if (!page) continue;
          // The page chunk and every chunk it imports statically, transitively (scripts only: a preloaded
          // stylesheet is fetched again when Vite inserts it, wherever the cache is off).
          const seen = new Set<string>();
          const visit = (f: string) => {
            const c = bundle[f];
            if (seen.has(f) || c?.type !== 'chunk' || c.isEntry) return; // the entry loads from the HTML anyway
            seen.add(f);
            c.imports.forEach(visit);
          };
          visit(chunk.fileName);
          files[page] = [...seen].map((f) => `/${f}`);
        }
        const script =
          `(function(m,p){var f=m[p.split('/')[1]];if(f)f.forEach(function(h){` +
          `var l=document.createElement('link');l.rel='modulepreload';l.href=h;document.head.appendChild(l)})})` +
          `(${JSON.stringify(files)},location.pathname)`;
        return [{ tag: 'script', children: script, injectTo: 'head-prepend' }];
      },
    },
  };
}
