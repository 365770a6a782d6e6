// A photo's moderation is news for an open /track page: approving or rejecting it sends the report's notice, so the
// page refetches and shows the approved photo without reload. Public sockets carry no photo at any point.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../sql/seed/dispatch-data.ts';
import { recordingClient, type RecordingClient } from './test-support/feed-client.ts';
import { startTestProduct, type TestProduct } from './test-support/test-product.ts';

const report = { category: 'flooding', description: 'Ngập trước chợ', lat: 19.8075, lng: 105.7766 };

describe('photo moderation over the feed', () => {
  let running: TestProduct;
  let url: string;
  let media: string;
  let pub: RecordingClient;
  /** Every frame the public socket received, whatever its event name. */
  const frames: string[] = [];
  beforeAll(async () => {
    media = mkdtempSync(join(tmpdir(), 'ht-photo-feed-'));
    running = await startTestProduct({ mediaDir: media });
    url = running.product.url;
    pub = recordingClient(url, { token: 'not-a-token' });
    expect((await pub.hello).audience).toBe('public');
    pub.socket.onAny((event: string, ...args: unknown[]) => frames.push(`${event} ${JSON.stringify(args)}`));
  });
  afterAll(async () => {
    pub?.close();
    await running?.stop();
    rmSync(media, { recursive: true, force: true });
  });

  const dispatcher = async () => {
    const res = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'dispatcher', password: DEMO_PASSWORD }),
    });
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    return (photoId: string, decision: 'approve' | 'reject') =>
      fetch(`${url}/api/v1/photos/${photoId}/moderation`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        body: JSON.stringify({ decision }),
      });
  };

  it('approve and reject each reach the public room as a bare report notice; the photo travels over HTTP only', async () => {
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#48c' } })
      .jpeg()
      .toBuffer();
    const form = new FormData();
    form.append('report', new Blob([JSON.stringify(report)], { type: 'application/json' }));
    form.append('photos', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'a.jpg');
    const res = await fetch(`${url}/api/v1/reports`, { method: 'POST', body: form });
    expect(res.status).toBe(201);
    const created = (await res.json()) as {
      id: string;
      code: string;
      trackingSecret: string;
      photos: { id: string }[];
    };
    const photoId = created.photos[0].id;
    const mine = () => pub.notices.filter((n) => n.reportId === created.id);
    const trackPhotos = async () =>
      (
        (await (await fetch(`${url}/api/v1/track/${created.code}?k=${created.trackingSecret}`)).json()) as {
          photos: { id: string }[];
        }
      ).photos.map((p) => p.id);

    await pub.waitFor(() => mine().length === 1);
    const moderate = await dispatcher();
    expect((await moderate(photoId, 'approve')).status).toBe(200);
    await pub.waitFor(() => mine().length === 2);
    // What the open /track page does on that notice: fetch again, and the approved photo is there.
    expect(await trackPhotos()).toEqual([photoId]);
    expect(mine()[1]).toMatchObject({ kind: 'report.updated', status: 'received', version: mine()[0].version });

    expect((await moderate(photoId, 'reject')).status).toBe(200);
    await pub.waitFor(() => mine().length === 3);
    expect(await trackPhotos()).toEqual([]);

    // Nothing a public socket received names the photo, pending, approved or rejected.
    expect(frames.length).toBeGreaterThanOrEqual(3);
    for (const frame of frames) {
      expect(frame).not.toContain(photoId);
      expect(frame).not.toMatch(/photo|thumb|display/i);
    }
  });
});
