// The purge drops what nothing needs any more, and only that: idempotency records past their window, photo files
// no row names once they are past the grace period, temporary files of writes that died.
import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiskMediaStore } from '../media/media-store.ts';
import { sampleReport, startDispatchApp, type DispatchApp } from '../test-support/dispatch-app.ts';
import { purgeCitizenLeftovers, startCitizenPurge } from './purge.ts';

const HOUR = 3_600_000;

describe('citizen purge', () => {
  let app: DispatchApp;
  let dir: string;
  let media: DiskMediaStore;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ht-purge-test-'));
    media = new DiskMediaStore(dir);
    app = await startDispatchApp({ media });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const pathOf = (key: string) => join(dir, key.slice(0, 2), key);
  const age = (path: string, ms: number) => utimesSync(path, new Date(Date.now() - ms), new Date(Date.now() - ms));
  const keys = async () =>
    (await app.db.query<{ n: number }>('SELECT count(*)::int n FROM idempotency_keys')).rows[0].n;

  async function reportWithPhoto(key: string): Promise<string[]> {
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: key.slice(0, 7) } })
      .jpeg()
      .toBuffer();
    const form = new FormData();
    form.append('report', new Blob([JSON.stringify(sampleReport)], { type: 'application/json' }));
    form.append('photos', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'a.jpg');
    const res = await fetch(`${app.url}/api/v1/reports`, {
      method: 'POST',
      body: form,
      headers: { 'idempotency-key': key },
    });
    expect(res.status).toBe(201);
    const { rows } = await app.db.query<{ d: string; t: string }>(
      'SELECT display_key d, thumb_key t FROM report_photos ORDER BY created_at DESC LIMIT 1',
    );
    return [rows[0].d, rows[0].t];
  }

  it('drops old idempotency records and old orphan files, keeps everything else', async () => {
    const kept = await reportWithPhoto('#a1b2c3-old-key');
    await reportWithPhoto('#c3b2a1-new-key');
    await app.db.query(`UPDATE idempotency_keys SET created_at = now() - interval '31 days'
                         WHERE report_id = (SELECT min(report_id) FROM idempotency_keys)`);
    const oldOrphan = await media.put(Buffer.from('a rolled-back report left this'));
    const youngOrphan = await media.put(Buffer.from('a report still committing'));
    const deadWrite = join(dir, oldOrphan.slice(0, 2), `${oldOrphan}.abcdef.part`);
    writeFileSync(deadWrite, 'half');
    for (const path of [...kept.map(pathOf), pathOf(oldOrphan), deadWrite]) age(path, 2 * HOUR);
    expect(await keys()).toBe(2);

    expect(await purgeCitizenLeftovers(app.db, media)).toEqual({ idempotencyKeys: 1, orphanFiles: 1 });
    expect(await keys()).toBe(1);
    expect(kept.map((k) => existsSync(pathOf(k)))).toEqual([true, true]);
    expect([existsSync(pathOf(oldOrphan)), existsSync(pathOf(youngOrphan)), existsSync(deadWrite)]).toEqual([
      false,
      true,
      false,
    ]);
    // The report whose key expired is still there; only a retry with that key would now make a new one.
    expect((await app.db.query<{ n: number }>('SELECT count(*)::int n FROM report_photos')).rows[0].n).toBe(2);
  });

  it('runs on its timer until stopped', async () => {
    const orphan = await media.put(Buffer.from('another orphan'));
    age(pathOf(orphan), 2 * HOUR);
    const purge = startCitizenPurge(app.db, media, { intervalMs: 20 });
    try {
      await expect.poll(() => existsSync(pathOf(orphan)), { timeout: 10_000 }).toBe(false);
    } finally {
      await purge.stop();
    }
    const later = await media.put(Buffer.from('after the stop'));
    age(pathOf(later), 2 * HOUR);
    await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(pathOf(later))).toBe(true);
  });
});
