// Makes the road-label glyph PBFs (MapLibre SDF glyphs) of the bundled Be Vietnam Pro Regular, from the OFL font
// files @fontsource/be-vietnam-pro ships (latin, latin-ext and vietnamese subsets), with fontnik (Mapbox's glyph
// builder, prebuilt binaries on npm). Not a dependency of the product: run once when the font changes.
//   npm i --no-save fontnik@0.7.7 && node dashboard/map/glyphs/make-glyphs.mjs
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const fontnik = createRequire(import.meta.url)('fontnik');
const here = dirname(fileURLToPath(import.meta.url));
const FONTSTACK = 'Be Vietnam Pro Regular';
const files = join(here, '../../../node_modules/@fontsource/be-vietnam-pro/files');
// Vietnamese first: where two subsets hold the same code point, its drawing wins.
const subsets = ['vietnamese', 'latin', 'latin-ext'].map((s) =>
  readFileSync(join(files, `be-vietnam-pro-${s}-400-normal.woff`)),
);
const call = (fn, ...args) => new Promise((ok, fail) => fn(...args, (e, v) => (e ? fail(e) : ok(v))));

const out = join(here, FONTSTACK);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
// Only the ranges the subsets cover: Latin-1, Latin Extended (Ă Đ Ĩ Ũ Ơ Ư), combining marks, Vietnamese
// precomposed letters (U+1EA0–1EF9) and general punctuation with the đồng sign.
const covered = new Set();
for (const font of subsets)
  for (const face of await call(fontnik.load, font)) for (const cp of face.points) covered.add(cp >> 8);
for (const block of [...covered].sort((a, b) => a - b)) {
  const start = block * 256;
  const end = start + 255;
  const parts = await Promise.all(subsets.map((font) => call(fontnik.range, { font, start, end })));
  const pbf = await call(fontnik.composite, parts);
  writeFileSync(join(out, `${start}-${end}.pbf`), pbf);
  console.log(`${FONTSTACK}/${start}-${end}.pbf ${pbf.length} bytes`);
}
