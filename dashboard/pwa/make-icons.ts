// Regenerates the PWA's PNG icons from dashboard/public/icons/icon.svg: `npx tsx dashboard/pwa/make-icons.ts`.
// The drawing keeps its mark inside the central 80 %, so the same square serves as the maskable icon.
import sharp from 'sharp';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../public/icons/', import.meta.url));
for (const size of [180, 192, 512])
  await sharp(`${dir}icon.svg`, { density: 300 }).resize(size, size).png().toFile(`${dir}icon-${size}.png`);
