// A signed-in demo staff member calling the running product over HTTP: JSON posts and gets with the session
// cookie and CSRF token, and raw text (CSV exports keep their byte-order mark).
import { DEMO_PASSWORD } from '../../sql/seed/dispatch-data.ts';

export async function login(url: string, username: string) {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const post = async (path: string, body?: unknown) => {
    const r = await fetch(url + path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: r.status, body: (await r.json()) as { id: string; state: string } };
  };
  return Object.assign(post, {
    // Keeps the byte-order mark (spreadsheets need it to read UTF-8), which .text() would drop.
    text: async (path: string) =>
      new TextDecoder('utf-8', { ignoreBOM: true }).decode(
        await (await fetch(url + path, { headers: { cookie } })).arrayBuffer(),
      ),
  });
}
