// Property fuzzing of the HTTP edge (fast-check): hostile bodies and queries on every kind of route. Whatever comes,
// the answer is never a 5xx, an error has the product's error shape (Open311's own list shape on /open311), and a
// refused report writes nothing. Bounded for npm test; `npm run bench:fuzz` runs FUZZ_RUNS cases (100k).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDispatchApp, type Caller, type DispatchApp } from './test-support/dispatch-app.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60); // per property; ~8 properties

const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }), // lone surrogates included
  fc.constantFrom('\u0000', 'a\u0000b', '\u202Egnp.exe', '\uD800', '\uDFFF', '\u0007\u001B[2J', ''),
  fc.constantFrom('0000-01-01T00:00:00Z', '2027-02-30', '9999-99-99T99:99:99Z', '-1', '1e309', 'NaN', 'null'),
  fc.string({ maxLength: 5000 }),
);
const hostileNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0, 1e-320),
  fc.integer(),
);
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 4 }),
  ),
})).value;
const deep = fc.integer({ min: 30, max: 3000 }).map((n) => JSON.parse('['.repeat(n) + ']'.repeat(n)) as unknown);

const reportLike = fc.record(
  {
    category: fc.oneof(fc.constantFrom('road', 'security', 'rubbish'), hostileString),
    description: fc.oneof(hostileString, fc.constant('Ổ gà lớn giữa đường')),
    lat: fc.oneof(hostileNumber, fc.constant(19.8075), hostileString),
    lng: fc.oneof(hostileNumber, fc.constant(105.7766), hostileString),
    reporter: fc.oneof(fc.record({ name: hostileString, phone: hostileString }, { requiredKeys: [] }), hostileValue),
    extra: hostileValue,
  },
  { requiredKeys: [] },
);

/** Every byte escaped; a lone surrogate's replacement bytes become a raw 0xFF: invalid UTF-8 on the wire. */
const percentEncode = (v: string) =>
  [...Buffer.from(v, 'utf8')]
    .map((b) => `%${b.toString(16).padStart(2, '0')}`)
    .join('')
    .replaceAll('%ef%bf%bd', '%ff');

function errorShaped(path: string, body: unknown): boolean {
  if (path.startsWith('/open311/'))
    return Array.isArray(body) || (typeof body === 'object' && body !== null && 'error' in body);
  const e = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof e?.code === 'string' && typeof e.message === 'string';
}

async function send(app: DispatchApp, c: Caller | null, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const res = c
    ? await (method === 'GET' ? c.get(path) : c.post(path, body))
    : await fetch(app.url + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      }).then(
        async (r) => ({ status: r.status, body: JSON.parse(await r.text()) as unknown }),
        () => ({ status: 0, body: null }),
      );
  return res;
}

describe('fuzzing the HTTP edge', () => {
  let app: DispatchApp;
  let desk: Caller;
  let admin: Caller;
  const reports = async () =>
    Number((await app.db.query<{ n: string }>('SELECT count(*) AS n FROM reports')).rows[0].n);
  beforeAll(async () => {
    app = await startDispatchApp({ publicReadLimit: { points: 1_000_000, windowS: 10 } });
    desk = await app.login('dispatcher');
    admin = await app.login('admin');
  });
  afterAll(async () => app?.close());

  const check = (path: string, res: { status: number; body: unknown }) => {
    expect(res.status, `${path} -> ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`).toBeGreaterThan(0);
    expect(res.status, `${path} -> ${JSON.stringify(res.body)?.slice(0, 300)}`).toBeLessThan(500);
    if (res.status >= 400) expect(errorShaped(path, res.body), `${path}: ${JSON.stringify(res.body)}`).toBe(true);
  };

  it('POST /api/v1/reports: no 5xx, error shape, nothing written on error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(reportLike, hostileValue, deep), async (body) => {
        const before = await reports();
        const res = await send(app, app.anonymous, 'POST', '/api/v1/reports', body);
        check('/api/v1/reports', res);
        if (res.status !== 201) expect(await reports()).toBe(before);
      }),
      { numRuns: RUNS },
    );
  });

  it('public GETs with hostile queries', async () => {
    const paths = ['/api/v1/reports', '/api/v1/cells', '/api/v1/geocode', '/api/v1/stats', '/open311/v2/requests.json'];
    const keys = [
      'since',
      'bbox',
      'limit',
      'ids',
      'res',
      'window',
      'status',
      'category',
      'q',
      'start_date',
      'end_date',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.dictionary(fc.constantFrom(...keys), hostileString, { maxKeys: 4 }),
        async (path, query) => {
          const qs = Object.entries(query)
            .map(([k, v]) => `${k}=${percentEncode(v)}`)
            .join('&');
          const full = `${path}?${qs}`;
          check(full, await send(app, app.anonymous, 'GET', full));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('staff writes: transitions, routing rules, sign-in, unit tokens', async () => {
    const id = await app.createReport();
    const targets: [Caller | null, string][] = [
      [desk, `/api/v1/reports/${id}/transitions`],
      [desk, `/api/v1/reports/${id}/merge`],
      [admin, '/api/v1/routing-rules'],
      [admin, '/api/v1/units/xd-01/tokens'],
      [null, '/api/v1/auth/login'],
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), fc.oneof(hostileValue, deep), async ([who, path], body) => {
        check(path, await send(app, who, 'POST', path, body));
      }),
      { numRuns: RUNS },
    );
  });
});
