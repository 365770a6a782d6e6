// Photo processing with sharp: auto-orient, strip every piece of metadata (EXIF GPS, device serials, XMP, ICC),
// a 1600 px display copy and a 320 px thumbnail as WebP. The original is never kept.
// Off the ingest hot path: photos go one at a time to a worker process at the lowest CPU priority
// (photo-worker-pool.ts), one libvips thread, so a burst of uploads queues there instead of taking the cores
// that photo-less reports need. PHOTO_WORKER=0 processes in this process instead (still one at a time).
import { open } from 'node:fs/promises';
import sharp, { type Sharp } from 'sharp';
import { heicAsSharp, isHevcHeif } from './heic-pixels.ts';

sharp.concurrency(1);
// Decoded images are large; the cache would only hold memory for photos never seen again.
sharp.cache(false);

export type ImageKind = 'jpeg' | 'png' | 'webp' | 'heif';
export const ACCEPTED_TYPES: Record<string, ImageKind> = {
  'image/jpeg': 'jpeg',
  'image/jpg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heif',
  'image/heif': 'heif',
  'image/heic-sequence': 'heif',
  'image/heif-sequence': 'heif',
};

/** The format the first bytes show, whatever the part's header claims. */
export function sniffImage(head: Buffer): ImageKind | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png';
  if (head.length >= 12 && head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP')
    return 'webp';
  if (head.length >= 12 && head.toString('latin1', 4, 8) === 'ftyp') {
    const brand = head.toString('latin1', 8, 12);
    if (['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1', 'avif'].includes(brand)) return 'heif';
  }
  return null;
}

export interface ProcessedPhoto {
  display: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
}

export const DISPLAY_PX = 1600;
export const THUMB_PX = 320;
/** Refuses decompression bombs: a 15 MB file may claim billions of pixels. */
const MAX_INPUT_PIXELS = 80_000_000;

let chain: Promise<unknown> = Promise.resolve();
/** One job at a time, in arrival order. */
function serially<T>(job: () => Promise<T>): Promise<T> {
  const run = chain.then(job, job);
  chain = run.catch(() => {});
  return run;
}

async function openImage(path: string): Promise<Sharp> {
  const file = await open(path);
  const head = Buffer.alloc(12);
  try {
    await file.read(head, 0, 12, 0);
  } finally {
    await file.close();
  }
  if (isHevcHeif(head)) return heicAsSharp(path, MAX_INPUT_PIXELS);
  return sharp(path, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
}

/** In this process, one at a time (the worker process runs this too). */
export function processPhotoHere(path: string): Promise<ProcessedPhoto> {
  return serially(async () => {
    // rotate() with no angle applies the EXIF orientation; no withMetadata()/keepMetadata(): sharp writes none.
    const oriented = (await openImage(path)).rotate();
    const display = await oriented
      .clone()
      .resize({ width: DISPLAY_PX, height: DISPLAY_PX, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
    const thumb = await oriented
      .clone()
      .resize({ width: THUMB_PX, height: THUMB_PX, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 70 })
      .toBuffer();
    return { display: display.data, thumb, width: display.info.width, height: display.info.height };
  });
}
