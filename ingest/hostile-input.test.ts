// Hostile text, dates and bodies on every kind of route: a clear 4xx naming the field, never a 500, nothing written.
import { request as httpRequest } from 'node:http';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorDTO } from './presenters/dto.ts';
import { sampleReport, startDispatchApp, type DispatchApp } from './test-support/dispatch-app.ts';

const reportCount = async (app: DispatchApp) =>
  Number((await app.db.query<{ n: string }>('SELECT count(*)::text AS n FROM reports')).rows[0].n);

function rawPost(url: string, path: string, headers: Record<string, string>, body: Buffer) {
  return fetch(url + path, { method: 'POST', headers, body: new Uint8Array(body) });
}

const errorOf = (body: unknown) => (body as ErrorDTO).error;
const fieldsOf = (body: unknown) => (errorOf(body).fields ?? []).map((f) => f.field);

describe('hostile input', () => {
  let app: DispatchApp;
  beforeAll(async () => {
    app = await startDispatchApp();
  });
  afterAll(async () => app?.close());

  it('a NUL character in any report field is a 422 naming that field, and writes nothing', async () => {
    const before = await reportCount(app);
    for (const [body, field] of [
      [{ ...sampleReport, description: 'Ổ gà\u0000 lớn' }, 'description'],
      [{ ...sampleReport, reporter: { name: 'A\u0000B' } }, 'reporter.name'],
      [{ ...sampleReport, category: 'ro\u0000ad' }, 'category'],
    ] as const) {
      const res = await app.anonymous.post('/api/v1/reports', body);
      expect(res.status, JSON.stringify(res.body)).toBe(422);
      expect(fieldsOf(res.body)).toContain(field);
    }
    expect(await reportCount(app)).toBe(before);
  });

  it('one bad report among good ones sent together fails alone: the others are stored', async () => {
    const good = Array.from({ length: 12 }, (_, i) => ({ ...sampleReport, description: `Báo cáo tốt số ${i}` }));
    const answers = await Promise.all([
      ...good.map((b) => app.anonymous.post('/api/v1/reports', b)),
      app.anonymous.post('/api/v1/reports', { ...sampleReport, description: 'xấu\u0000' }),
    ]);
    expect(answers.slice(0, -1).map((a) => a.status)).toEqual(good.map(() => 201));
    expect(answers.at(-1)!.status).toBe(422);
  });

  it('stores text normalised: NFC, no control characters, no bidi overrides', async () => {
    const decomposed = 'Hoa\u0300 ho\u031Bn'; // "Hoà hơn" in combining marks
    const id = await app.createReport({ description: `${decomposed}\u0007 \u202Egnp.exe\u202C dòng 2\nxong` });
    const { rows } = await app.db.query<{ description: string }>('SELECT description FROM reports WHERE id = $1', [id]);
    expect(rows[0].description).toBe(`${decomposed.normalize('NFC')} gnp.exe dòng 2\nxong`);
  });

  it('dates Postgres cannot hold or that do not exist are 422 on reads', async () => {
    for (const path of [
      '/api/v1/reports?since=0000-01-01T00:00:00Z',
      '/api/v1/cells?res=8&since=0000-01-01T00:00:00Z',
      '/api/v1/reports?since=%00',
    ]) {
      const res = await app.anonymous.get(path);
      expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(422);
      expect(fieldsOf(res.body)[0]).toBe('since');
    }
    const desk = await app.login('dispatcher');
    const queue = await desk.get('/api/v1/queue?since=0000-01-01T00:00:00Z');
    expect(queue.status).toBe(422);
  });

  it('impossible dates in routing rules are 422, not stored', async () => {
    const admin = await app.login('admin');
    for (const effectiveFrom of ['2027-02-30', '0000-01-01', '2027-13-01']) {
      const res = await admin.post('/api/v1/routing-rules', {
        agencyId: 'so-xay-dung',
        category: 'road',
        effectiveFrom,
      });
      expect(res.status, `${effectiveFrom}: ${JSON.stringify(res.body)}`).toBe(422);
      expect(fieldsOf(res.body)[0]).toBe('effectiveFrom');
    }
  });

  it('NUL in a query string, a login or a note is a 422, never a 500', async () => {
    expect((await app.anonymous.get('/api/v1/geocode?q=Ha%00c')).status).toBe(422);
    const login = await app.anonymous.post('/api/v1/auth/login', { username: 'ad\u0000min', password: 'x' });
    expect(login.status).toBe(422);
    expect(fieldsOf(login.body)[0]).toBe('username');
    const desk = await app.login('dispatcher');
    const id = await app.createReport();
    const res = await desk.post(`/api/v1/reports/${id}/transitions`, { to: 'triaged', note: 'a\u0000' });
    expect(res.status).toBe(422);
    expect(fieldsOf(res.body)[0]).toBe('note');
  });

  it('a garbage deflate body is a 400 in the error shape; an unknown encoding a 415', async () => {
    const garbage = await rawPost(
      app.url,
      '/api/v1/reports',
      { 'content-type': 'application/json', 'content-encoding': 'deflate' },
      Buffer.from('this is not deflate at all'),
    );
    expect(garbage.status).toBe(400);
    expect(errorOf(await garbage.json()).code).toBe('invalid_body');
    const fine = await rawPost(
      app.url,
      '/api/v1/reports',
      { 'content-type': 'application/json', 'content-encoding': 'deflate' },
      deflateSync(JSON.stringify(sampleReport)),
    );
    expect(fine.status).toBe(201);
    const odd = await rawPost(
      app.url,
      '/api/v1/reports',
      { 'content-type': 'application/json', 'content-encoding': 'zstd-nope' },
      Buffer.from('{}'),
    );
    expect(odd.status).toBe(415);
    expect(errorOf(await odd.json())).toBeDefined();
  });

  it('nesting too deep for any schema is a 4xx, not a stack overflow', async () => {
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    const res = await rawPost(app.url, '/api/v1/reports', { 'content-type': 'application/json' }, Buffer.from(deep));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('headers too large get a 431 with a JSON error body', async () => {
    const { status, type, text } = await new Promise<{ status: number; type: string; text: string }>((done, fail) => {
      const req = httpRequest(
        `${app.url}/api/v1/categories`,
        { headers: { 'x-big': 'x'.repeat(64 * 1024) } },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => done({ status: res.statusCode!, type: res.headers['content-type'] ?? '', text }));
        },
      );
      req.on('error', fail);
      req.end();
    });
    expect(status).toBe(431);
    expect(type).toMatch(/json/);
    expect(errorOf(JSON.parse(text)).code).toBe('headers_too_large');
  });
});
