// Socket credentials end with the rights behind them: sign-out, deactivation and a role change each cut the staff
// socket within seconds (pushed through the feed, not the one-minute sweep), and its ticket opens no staff socket again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../sql/seed/dispatch-data.ts';
import { recordingClient, type RecordingClient } from './test-support/feed-client.ts';
import { startTestProduct, type TestProduct } from './test-support/test-product.ts';

/** Well under the sweep's 60 s: only a push can meet it. */
const CUT_WITHIN_MS = 10_000;

describe('revoking staff rights cuts open sockets', () => {
  let running: TestProduct;
  let url: string;
  beforeAll(async () => {
    running = await startTestProduct();
    url = running.product.url;
  });
  afterAll(async () => running?.stop());

  async function signIn(username: string) {
    const res = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { csrfToken: string; socketToken: string; user: { id: string } };
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const post = (path: string, data: unknown) =>
      fetch(url + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': body.csrfToken },
        body: JSON.stringify(data),
      });
    return { ...body, post };
  }

  async function staffSocket(token: string): Promise<RecordingClient> {
    const client = recordingClient(url, { token });
    expect((await client.hello).audience).toBe('staff');
    return client;
  }

  const cut = (client: RecordingClient) =>
    new Promise<number>((done, fail) => {
      const started = Date.now();
      const timer = setTimeout(() => fail(new Error(`still connected after ${CUT_WITHIN_MS} ms`)), CUT_WITHIN_MS);
      client.socket.once('disconnect', () => {
        clearTimeout(timer);
        done(Date.now() - started);
      });
    });

  const reopenAs = async (token: string) => {
    const again = recordingClient(url, { token });
    const hello = await again.hello;
    again.close();
    return hello.audience;
  };

  const idOf = async (username: string) => {
    const { rows } = await running.test.pool.query<{ id: string }>(
      'SELECT id::text FROM staff_users WHERE username = $1',
      [username],
    );
    return rows[0].id;
  };

  it('sign-out', async () => {
    const me = await signIn('dispatcher');
    const socket = await staffSocket(me.socketToken);
    const gone = cut(socket);
    expect((await me.post('/api/v1/auth/logout', {})).status).toBe(204);
    await gone;
    expect(socket.refetches).toEqual([{ reason: 'reauthorize' }]);
    expect(await reopenAs(me.socketToken)).toBe('public');
  });

  it('deactivation by an administrator', async () => {
    const admin = await signIn('admin');
    const victim = await signIn('dispatcher2');
    const socket = await staffSocket(victim.socketToken);
    const gone = cut(socket);
    const id = await idOf('dispatcher2');
    expect((await admin.post(`/api/v1/admin/staff/${id}`, { active: false })).status).toBe(200);
    await gone;
    expect(await reopenAs(victim.socketToken)).toBe('public');
  });

  it('a role change', async () => {
    const admin = await signIn('admin');
    const officer = await signIn('supervisor');
    const socket = await staffSocket(officer.socketToken);
    const gone = cut(socket);
    const id = await idOf('supervisor');
    expect((await admin.post(`/api/v1/admin/staff/${id}`, { role: 'dispatcher' })).status).toBe(200);
    await gone;
    expect(await reopenAs(officer.socketToken)).toBe('public');
  });
});
