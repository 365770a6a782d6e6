// Photos end to end over HTTP: multipart in, metadata gone from every stored copy, private until approved.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiskMediaStore } from '../../media/media-store.ts';
import type { CreatedReportDTO, ErrorDTO, StaffReportDTO, TrackDTO } from '../../presenters/dto.ts';
import { sampleReport, startDispatchApp, type DispatchApp } from '../../test-support/dispatch-app.ts';

/** A camera JPEG: device make/model, GPS position and "rotate 90°" in its EXIF. */
const cameraJpeg = () =>
  sharp({ create: { width: 800, height: 600, channels: 3, background: '#3a7' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'PhoneCo', Model: 'X1 serial 0042' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '19/1 48/1 27/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '105/1 46/1 36/1',
      },
    })
    .toBuffer();

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

describe('report photos', () => {
  let app: DispatchApp;
  let dir: string;
  let jpeg: Buffer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ht-media-test-'));
    app = await startDispatchApp({ media: new DiskMediaStore(dir) });
    jpeg = await cameraJpeg();
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const form = (report: unknown, photos: { bytes: Buffer; type: string; name: string }[]) => {
    const f = new FormData();
    f.append('report', new Blob([JSON.stringify(report)], { type: 'application/json' }));
    for (const p of photos) f.append('photos', new Blob([new Uint8Array(p.bytes)], { type: p.type }), p.name);
    return f;
  };
  const post = async (body: FormData, key?: string) => {
    const res = await fetch(`${app.url}/api/v1/reports`, {
      method: 'POST',
      body,
      headers: key ? { 'idempotency-key': key } : {},
    });
    return { status: res.status, body: (await res.json()) as CreatedReportDTO & ErrorDTO };
  };
  const photo = (bytes = jpeg, name = 'IMG_0001.JPG', type = 'image/jpeg') => ({ bytes, type, name });
  const get = (path: string, headers: Record<string, string> = {}) => fetch(app.url + path, { headers });
  const reports = async () => (await app.db.query<{ n: number }>('SELECT count(*)::int n FROM reports')).rows[0].n;

  it('stores an oriented display copy and a thumbnail with no metadata at all; the original is not kept', async () => {
    const input = await sharp(jpeg).metadata();
    expect([input.orientation, input.exif?.includes('PhoneCo')]).toEqual([6, true]);
    const res = await post(form(sampleReport, [photo(), photo(jpeg, 'IMG_0002.JPG')]));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.photos).toHaveLength(2);
    const files = filesUnder(dir);
    // Two identical photos: content-addressed, so one display and one thumbnail file.
    expect(files).toHaveLength(2);
    for (const file of files) {
      const bytes = readFileSync(file);
      const meta = await sharp(bytes).metadata();
      expect(meta.format).toBe('webp');
      expect([meta.exif, meta.xmp, meta.iptc, meta.icc, meta.orientation]).toEqual([
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
      expect(bytes.includes('PhoneCo')).toBe(false);
      // Orientation 6 applied: the 800x600 landscape is stored as a portrait.
      expect(meta.height).toBeGreaterThan(meta.width);
      expect(bytes.equals(jpeg)).toBe(false);
    }
    const sizes = await Promise.all(files.map(async (f) => (await sharp(readFileSync(f)).metadata()).height));
    expect(sizes.sort((a, b) => a - b)).toEqual([320, 800]);
  });

  it('decodes an iPhone HEIC (HEVC) and stores it without its EXIF camera and GPS', async () => {
    const heic = readFileSync(new URL('../../media/fixtures/iphone-gps.heic', import.meta.url));
    expect([(await sharp(heic).metadata()).compression, heic.includes('PhoneCo')]).toEqual(['hevc', true]);
    const before = new Set(filesUnder(dir));
    const res = await post(form(sampleReport, [photo(heic, 'IMG_0003.HEIC', 'image/heic')]));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const added = filesUnder(dir).filter((f) => !before.has(f));
    expect(added).toHaveLength(2);
    for (const file of added) {
      const bytes = readFileSync(file);
      const meta = await sharp(bytes).metadata();
      expect([meta.format, meta.exif, meta.xmp]).toEqual(['webp', undefined, undefined]);
      expect(bytes.includes('PhoneCo')).toBe(false);
    }
    const widths = await Promise.all(added.map(async (f) => (await sharp(readFileSync(f)).metadata()).width));
    expect(widths).toEqual([96, 96]); // smaller than both copies: never enlarged
  });

  it('is private until a desk moderator approves it; staff see it at once', async () => {
    const created = (await post(form(sampleReport, [photo()]))).body;
    const id = created.photos![0].id;
    const track = async () =>
      ((await (await get(`/api/v1/track/${created.code}?k=${created.trackingSecret}`)).json()) as TrackDTO).photos;
    expect(await track()).toEqual([]);
    expect((await get(`/api/v1/photos/${id}/thumb`)).status).toBe(404);
    expect((await get(`/api/v1/photos/${id}/display`)).status).toBe(404);
    const publicReport = await (await get(`/api/v1/reports/${created.id}`)).text();
    expect(publicReport).not.toContain(id);
    const { rows } = await app.db.query<{ payload: unknown }>('SELECT payload FROM events WHERE report_id = $1', [
      created.id,
    ]);
    expect(JSON.stringify(rows)).not.toContain(id);

    const dispatcher = await app.login('dispatcher');
    const image = await get(`/api/v1/photos/${id}/display`, { cookie: dispatcher.cookie });
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/webp');
    const detail = (await dispatcher.get(`/api/v1/reports/${created.id}`)).body as StaffReportDTO;
    expect(detail.photos).toEqual([
      { id, thumbUrl: `/api/v1/photos/${id}/thumb`, displayUrl: `/api/v1/photos/${id}/display`, moderation: 'pending' },
    ]);
    const queued = (await dispatcher.get(`/api/v1/reports/${created.id}/dispatch`)).body as StaffReportDTO;
    expect(queued.photos?.[0].moderation).toBe('pending');

    const agency = await app.login('agency');
    expect((await agency.post(`/api/v1/photos/${id}/moderation`, { decision: 'approve' })).status).toBe(403);
    expect((await app.anonymous.post(`/api/v1/photos/${id}/moderation`, { decision: 'approve' })).status).toBe(401);
    const bad = await dispatcher.post(`/api/v1/photos/${id}/moderation`, { decision: 'maybe' });
    expect(bad.status).toBe(422);
    expect((bad.body as ErrorDTO).error.fields?.[0].field).toBe('decision');
    const approved = (await dispatcher.post(`/api/v1/photos/${id}/moderation`, { decision: 'approve' })).body as {
      moderation: string;
    };
    expect(approved.moderation).toBe('approved');
    expect(await track()).toEqual([
      { id, thumbUrl: `/api/v1/photos/${id}/thumb`, displayUrl: `/api/v1/photos/${id}/display` },
    ]);
    expect((await get(`/api/v1/photos/${id}/thumb`)).status).toBe(200);
    const mapDetail = (await (await get(`/api/v1/reports/${created.id}`)).json()) as { photos: { id: string }[] };
    expect(mapDetail.photos.map((p) => p.id)).toEqual([id]);
    await dispatcher.post(`/api/v1/photos/${id}/moderation`, { decision: 'reject', reason: 'biển số xe' });
    expect((await get(`/api/v1/photos/${id}/thumb`)).status).toBe(404);
  });

  it('refuses bad files naming them (415, 413, 422) and writes nothing', async () => {
    const before = { reports: await reports(), files: filesUnder(dir).length };
    const cases: [FormData, number, string][] = [
      [form(sampleReport, [photo(Buffer.from('hello'), 'notes.txt', 'text/plain')]), 415, 'photos[0] (notes.txt)'],
      [form(sampleReport, [photo(), photo(Buffer.from('not a jpeg at all'), 'fake.jpg')]), 415, 'photos[1] (fake.jpg)'],
      [
        form(
          sampleReport,
          Array.from({ length: 6 }, () => photo()),
        ),
        413,
        'photos[5] (IMG_0001.JPG)',
      ],
      [
        form(sampleReport, [photo(Buffer.concat([jpeg, Buffer.alloc(15 * 1024 * 1024)]), 'huge.jpg')]),
        413,
        'photos[0] (huge.jpg)',
      ],
      [
        form(sampleReport, [photo(Buffer.concat([jpeg.subarray(0, 3), Buffer.alloc(4000, 7)]), 'broken.jpg')]),
        422,
        'photos[0] (broken.jpg)',
      ],
      [
        form({ ...sampleReport, category: 'flooding', answers: { water_depth: 'deep' } }, [photo()]),
        422,
        'answers.water_depth',
      ],
    ];
    for (const [body, status, field] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.error.fields?.map((f) => f.field)).toContain(field);
    }
    const noReport = new FormData();
    noReport.append('photos', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'a.jpg');
    const missing = await post(noReport);
    expect([missing.status, missing.body.error.fields?.[0].field]).toEqual([422, 'report']);
    expect({ reports: await reports(), files: filesUnder(dir).length }).toEqual(before);
  });

  it('a retried upload with the same key is one report; other photos under that key are a 409', async () => {
    const before = await reports();
    const first = await post(form(sampleReport, [photo()]), 'photo-retry-key');
    const again = await post(form(sampleReport, [photo()]), 'photo-retry-key');
    expect(again.body).toEqual(first.body);
    const other = await post(
      form(sampleReport, [photo(await sharp(jpeg).rotate(180).jpeg().toBuffer())]),
      'photo-retry-key',
    );
    expect(other.status).toBe(409);
    expect(await reports()).toBe(before + 1);
  });
});
