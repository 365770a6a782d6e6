// Staff invites on a real database: an account with no password, a one-time expiring link stored hashed, the
// invitee sets the password once under the usual rule, and the link then opens nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../auth/tokens.ts';
import { startDispatchApp, type DispatchApp } from '../../test-support/dispatch-app.ts';

type Client = Awaited<ReturnType<DispatchApp['login']>>;
const PASSWORD = 'một mật khẩu đủ dài';

describe('staff invites', () => {
  let app: DispatchApp;
  let admin: Client;
  beforeAll(async () => {
    app = await startDispatchApp();
    admin = await app.login('admin');
  });
  afterAll(async () => app?.close());

  const invite = async (username: string) => {
    const res = await admin.post('/api/v1/staff/invites', { username, displayName: 'Cán bộ mới', role: 'dispatcher' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { id: res.body.staff.id as string, token: (res.body.invite.path as string).split('#')[1], body: res.body };
  };
  const signIn = async (username: string, password: string) =>
    (await app.anonymous.post('/api/v1/auth/login', { username, password })).status;

  it('creates the account with no password; the link, used once, sets it and then opens nothing', async () => {
    const { id, token, body } = await invite('moi.dieuphoi');
    expect(body.staff).toMatchObject({ username: 'moi.dieuphoi', invited: true, active: true });
    expect(body.invite.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/invite#inv_/);
    expect(Date.parse(body.invite.expiresAt) - Date.now()).toBeGreaterThan(71 * 3_600_000);
    // Only the hash is kept; the account has no password to guess.
    const stored = await app.db.query<{ token_hash: string; password_hash: string | null }>(
      'SELECT i.token_hash, u.password_hash FROM staff_invites i JOIN staff_users u ON u.id = i.user_id WHERE u.id = $1',
      [id],
    );
    expect(stored.rows).toEqual([{ token_hash: hashToken(token), password_hash: null }]);
    expect(JSON.stringify(stored.rows)).not.toContain(token);
    expect(await signIn('moi.dieuphoi', '')).not.toBe(200);

    expect((await app.anonymous.post('/api/v1/auth/invite', { token })).body).toMatchObject({
      username: 'moi.dieuphoi',
      displayName: 'Cán bộ mới',
    });
    const short = await app.anonymous.post('/api/v1/auth/invite/accept', { token, password: 'ngắn' });
    expect(short.status).toBe(422);
    expect(short.body.error.fields[0]).toEqual({
      field: 'password',
      reason: 'must be at least 12 characters',
      reasonVi: 'phải có ít nhất 12 ký tự',
    });
    const ok = await app.anonymous.post('/api/v1/auth/invite/accept', { token, password: PASSWORD });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toEqual({ username: 'moi.dieuphoi' });
    expect(await signIn('moi.dieuphoi', PASSWORD)).toBe(200);

    const again = await app.anonymous.post('/api/v1/auth/invite/accept', { token, password: 'một mật khẩu khác hẳn' });
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('invite_invalid');
    expect((await app.anonymous.post('/api/v1/auth/invite', { token })).status).toBe(404);
    expect(await signIn('moi.dieuphoi', PASSWORD)).toBe(200);
    // A new link is for accounts still waiting, not a way around the password.
    expect((await admin.post(`/api/v1/staff/${id}/invite`, {})).status).toBe(409);

    const audit = (await admin.get('/api/v1/admin/audit?entity=staff')).body.entries as { action: string }[];
    expect(audit.map((e) => e.action).slice(0, 2)).toEqual(['accept_invite', 'invite']);
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('an expired link opens nothing; a new link replaces the old one', async () => {
    const { id, token } = await invite('moi.hethan');
    await app.db.query("UPDATE staff_invites SET expires_at = now() - interval '1 second' WHERE token_hash = $1", [
      hashToken(token),
    ]);
    expect((await app.anonymous.post('/api/v1/auth/invite/accept', { token, password: PASSWORD })).status).toBe(404);
    const first = (await admin.post(`/api/v1/staff/${id}/invite`, {})).body.invite.path.split('#')[1] as string;
    const second = (await admin.post(`/api/v1/staff/${id}/invite`, {})).body.invite.path.split('#')[1] as string;
    expect((await app.anonymous.post('/api/v1/auth/invite', { token: first })).status).toBe(404);
    expect((await app.anonymous.post('/api/v1/auth/invite', { token: second })).status).toBe(200);
  });

  it('two people racing with one link: exactly one sets the password', async () => {
    const { token } = await invite('moi.tranhchap');
    const answers = await Promise.all(
      ['mật khẩu thứ nhất dài', 'mật khẩu thứ hai dài'].map((password) =>
        app.anonymous.post('/api/v1/auth/invite/accept', { token, password }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 404]);
  });

  it('a deactivated account cannot be opened by its link; bad input is refused by field', async () => {
    const { id, token } = await invite('moi.khoa');
    expect((await admin.post(`/api/v1/admin/staff/${id}`, { active: false })).status).toBe(200);
    expect((await app.anonymous.post('/api/v1/auth/invite/accept', { token, password: PASSWORD })).status).toBe(404);
    const bad = await admin.post('/api/v1/staff/invites', { username: 'X!', displayName: '', role: 'dispatcher' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['displayName', 'username']);
    const taken = await admin.post('/api/v1/staff/invites', {
      username: 'moi.khoa',
      displayName: 'A',
      role: 'dispatcher',
    });
    expect(taken.status).toBe(409);
    expect(await app.db.query('SELECT 1 FROM staff_users WHERE username = $1', ['x!'])).toMatchObject({ rowCount: 0 });
  });
});
