// iPhone photos are HEIC: HEVC inside HEIF. sharp's prebuilt libvips reads HEIF only with AV1 (AVIF), since the
// HEVC decoder is patent-encumbered; libheif compiled to WebAssembly (heic-decode -> libheif-js, LGPL) decodes
// them to RGBA pixels here, and sharp carries on from the pixels as for any other photo.
import { readFile } from 'node:fs/promises';
import sharp, { type Sharp } from 'sharp';

/** True for HEIF whose first brand is not AVIF: those need the HEVC decoder. */
export function isHevcHeif(head: Buffer): boolean {
  return head.length >= 12 && head.toString('latin1', 4, 8) === 'ftyp' && head.toString('latin1', 8, 12) !== 'avif';
}

/** The primary image as a sharp pipeline over raw pixels, already turned the way the file says (irot/imir). */
export async function heicAsSharp(path: string, maxPixels: number): Promise<Sharp> {
  // Loaded on the first HEIC only: the WebAssembly decoder is megabytes that JPEG-only servers never need.
  const { default: decodeHeic } = await import('heic-decode');
  const images = await decodeHeic.all({ buffer: await readFile(path) });
  try {
    const first = images[0];
    // Checked before decoding: a small file may claim a huge canvas.
    if (first.width * first.height > maxPixels)
      throw new Error(`Input image exceeds pixel limit (${first.width}x${first.height})`);
    const { width, height, data } = await first.decode();
    return sharp(Buffer.from(data.buffer, data.byteOffset, data.byteLength), {
      raw: { width, height, channels: 4 },
    }).removeAlpha(); // camera photos are opaque; the decoder always gives RGBA
  } finally {
    images.dispose();
  }
}
