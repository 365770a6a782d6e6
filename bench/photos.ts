// bench:photos — does photo processing stall ingest? POST p99 of photo-less reports at a steady rate, alone and
// while clients keep posting reports with 3 photos of 4 MB each (same server, same run). Goal: photo-less p99
// with photo traffic within 1.5x of its value without. Options: --rate N (photo-less reports/s, default 30),
// --seconds N (per phase, default 20), --photo-clients N (concurrent photo posters, default 2).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RATE = arg('rate', 30);
const SECONDS = arg('seconds', 20);
const PHOTO_CLIENTS = arg('photo-clients', 2);
const PHOTO_BYTES = 4 * 1024 * 1024;

/** A camera-like JPEG of about 4 MB: noise does not compress, so its size is set by its pixel count. */
async function fourMegabyteJpeg(): Promise<Buffer> {
  let side = 1600;
  for (;;) {
    const w = Math.round(side * 1.33);
    const raw = Buffer.alloc(w * side * 3);
    for (let i = 0; i < raw.length; i++) raw[i] = (Math.random() * 64 + ((i / 3 / w) % 192)) | 0;
    const jpeg = await sharp(raw, { raw: { width: w, height: side, channels: 3 } })
      .jpeg({ quality: 85 })
      .toBuffer();
    if (jpeg.length >= PHOTO_BYTES * 0.95) return jpeg;
    side = Math.round(side * Math.sqrt((PHOTO_BYTES * 1.02) / jpeg.length));
  }
}

let n = 0;
const report = () => ({
  category: 'road',
  description: `bench report ${n++}`,
  lat: 19.8 + Math.random() * 0.05,
  lng: 105.75 + Math.random() * 0.05,
});

async function postJson(url: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(`${url}/api/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(report()),
  });
  await res.arrayBuffer();
  if (res.status !== 201) throw new Error(`photo-less POST answered ${res.status}`);
  return performance.now() - t;
}

async function postWithPhotos(url: string, jpeg: Uint8Array<ArrayBuffer>): Promise<number> {
  const form = new FormData();
  form.append('report', new Blob([JSON.stringify(report())], { type: 'application/json' }));
  for (let i = 0; i < 3; i++) form.append('photos', new Blob([jpeg], { type: 'image/jpeg' }), `IMG_${i}.JPG`);
  const t = performance.now();
  const res = await fetch(`${url}/api/v1/reports`, { method: 'POST', body: form });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`photo POST answered ${res.status}: ${text.slice(0, 200)}`);
  return performance.now() - t;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

/** Photo-less reports at a fixed rate (open loop: a slow answer does not slow the arrivals), for SECONDS. */
async function steady(url: string): Promise<number[]> {
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < RATE * SECONDS; i++) {
    const due = start + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(postJson(url).then((ms) => void latencies.push(ms)));
  }
  await Promise.all(pending);
  return latencies;
}

async function withPhotoTraffic(url: string, jpeg: Uint8Array<ArrayBuffer>) {
  let running = true;
  const photoLatencies: number[] = [];
  const posters = Array.from({ length: PHOTO_CLIENTS }, async () => {
    while (running) photoLatencies.push(await postWithPhotos(url, jpeg));
  });
  await new Promise((r) => setTimeout(r, 2000)); // photo traffic under way before measuring
  const plain = await steady(url);
  running = false;
  await Promise.all(posters);
  return { plain, photoLatencies };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'ht-bench-photos-'));
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      fileURLToPath(new URL('./photos/server.ts', import.meta.url)),
      JSON.stringify({ dataDir: join(dir, 'pg'), mediaDir: join(dir, 'media') }),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        const m = /READY (\S+)/.exec(d.toString());
        if (m) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
    });
    const jpeg = new Uint8Array(await fourMegabyteJpeg());
    console.log(
      `server ${url}; photo ${(jpeg.length / 1048576).toFixed(2)} MB; ${RATE} reports/s for ${SECONDS} s per phase; ${PHOTO_CLIENTS} photo clients x 3 photos; ${cpus().length} cores (${cpus()[0]?.model})`,
    );
    for (let i = 0; i < 100; i++) await postJson(url); // warm-up: pool, plans, JIT
    await postWithPhotos(url, jpeg);
    const alone1 = await steady(url);
    const mixed = await withPhotoTraffic(url, jpeg);
    const alone2 = await steady(url);
    const alone = [...alone1, ...alone2];
    const row = (name: string, xs: number[]) =>
      console.log(
        `${name.padEnd(34)} n=${String(xs.length).padStart(5)}  p50 ${pct(xs, 50).toFixed(1).padStart(7)} ms  p99 ${pct(xs, 99).toFixed(1).padStart(7)} ms`,
      );
    row('photo-less, alone (before+after)', alone);
    row('photo-less, with photo traffic', mixed.plain);
    row('3 x 4 MB photos (concurrent)', mixed.photoLatencies);
    const ratio = pct(mixed.plain, 99) / pct(alone, 99);
    console.log(
      `photo-less p99 with / without photo traffic: ${ratio.toFixed(2)}x (goal <= 1.5x) ${ratio <= 1.5 ? 'MET' : 'NOT MET'}`,
    );
    console.log(
      `photo reports stored meanwhile: ${mixed.photoLatencies.length} (${((mixed.photoLatencies.length * 3) / (SECONDS + 2)).toFixed(2)} photos/s)`,
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
