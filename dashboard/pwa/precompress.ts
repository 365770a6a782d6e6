// Vite plugin: writes .br and .gz beside every text asset of the build, so the server's static handler
// (koa-static -> koa-send, which prefers them when the browser accepts them) sends compressed files
// with no compression work per request. A phone on slow 4G gets the /report page in a third of the bytes.
// Quality 11 for the small chunks a citizen page loads first; 9 for the big map chunks, to keep builds quick.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const TEXT = /\.(js|mjs|css|html|svg|json|webmanifest)$/;

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'hientruong-precompress',
    apply: 'build',
    configResolved(config) {
      // build.outDir is as written in the config ('../dist'), relative to the root, not to the working directory.
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const path of files(outDir)) {
        if (!TEXT.test(path)) continue;
        const raw = readFileSync(path);
        if (raw.length < 1024) continue;
        writeFileSync(`${path}.gz`, gzipSync(raw, { level: 9 }));
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(raw, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: raw.length > 256_000 ? 9 : 11,
              [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
            },
          }),
        );
      }
    },
  };
}
