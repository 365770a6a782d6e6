// Wall (kiosk) tokens: an administrator creates one (shown once, stored hashed), the wall reads staff data and
// its own settings with it, and once revoked (or when unknown) every request is a 401, never public data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../auth/tokens.ts';
import { startDispatchApp, type Caller, type DispatchApp } from '../../test-support/dispatch-app.ts';

interface ErrorBody {
  error: { code: string; messageVi: string; fields: { field: string }[] };
}

let app: DispatchApp;
let admin: Caller;
const bearer = (url: string, token: string) => (path: string) =>
  fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });

beforeAll(async () => {
  app = await startDispatchApp();
  admin = await app.login('admin');
});
afterAll(async () => app?.close());

describe('wall tokens', () => {
  it('are created by an administrator, shown once, stored only as a hash, and give the wall staff data', async () => {
    const created = await admin.post('/api/v1/wall-tokens', {
      name: 'Trung tâm chỉ huy — tường chính',
      config: {
        scenes: [
          { kind: 'province', seconds: 60 },
          { kind: 'hotspot', seconds: 30 },
        ],
        pinned: null,
      },
    });
    expect(created.status).toBe(201);
    const { id, token } = created.body as { id: string; token: string };
    expect(token).toMatch(/^wall_[A-Za-z0-9_-]{32}$/);
    const { rows } = await app.db.query<{ token_hash: string }>('SELECT token_hash FROM wall_tokens WHERE id = $1', [
      id,
    ]);
    expect(rows[0].token_hash).toBe(hashToken(token));
    expect(JSON.stringify((await admin.get('/api/v1/wall-tokens')).body)).not.toContain(token);

    const wall = bearer(app.url, token);
    const session = (await (await wall('/api/v1/session')).json()) as unknown;
    expect(JSON.stringify(session)).toContain('staff');
    const config = await wall('/api/v1/wall/config');
    expect(config.status).toBe(200);
    expect(await config.json()).toMatchObject({ name: 'Trung tâm chỉ huy — tường chính', config: { pinned: null } });
    expect((await wall('/api/v1/hotspots?res=7')).status).toBe(200);

    const revoked = await admin.post(`/api/v1/wall-tokens/${id}/revoke`, {});
    expect(revoked.status).toBe(200);
    expect((revoked.body as { revokedAt: string | null }).revokedAt).toEqual(expect.any(String));
    for (const path of ['/api/v1/session', '/api/v1/reports', '/api/v1/wall/config']) {
      const res = await wall(path);
      expect(res.status).toBe(401);
      expect(((await res.json()) as ErrorBody).error.code).toBe('invalid_token');
    }
  });

  it('an unknown token is refused, not served as the public', async () => {
    const res = await bearer(app.url, 'wall_nottherealoneatallxxxxxxxxxxxxxxxx')('/api/v1/reports');
    expect(res.status).toBe(401);
    const { error } = (await res.json()) as ErrorBody;
    expect(error.code).toBe('invalid_token');
    expect(error.messageVi.length).toBeGreaterThan(0);
    expect((await bearer(app.url, 'some-random-token')('/api/v1/stats')).status).toBe(401);
  });

  it('names the bad field when the input is wrong, and only administrators may manage them', async () => {
    const bad = await admin.post('/api/v1/wall-tokens', { name: '', config: { scenes: [{ kind: 'moon' }] } });
    expect(bad.status).toBe(422);
    expect((bad.body as ErrorBody).error.fields.map((f) => f.field)).toEqual(
      expect.arrayContaining(['name', 'config.scenes.0.kind']),
    );
    const supervisor = await app.login('supervisor');
    expect((await supervisor.post('/api/v1/wall-tokens', { name: 'x' })).status).toBe(403);
    expect((await app.anonymous.get('/api/v1/wall-tokens')).status).toBe(401);
    expect((await admin.post('/api/v1/wall-tokens/999999/revoke', {})).status).toBe(404);
  });
});
