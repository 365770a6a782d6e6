// The demo's dispatch desk: signs in as the demo dispatcher and moves the simulator's reports through the real
// workflow (triage, assign, start, resolve with a public reply), some quickly, some slowly, and leaves about one
// in six untouched so the SLA clock makes them overdue. Off when the demo accounts do not exist (production).
import { DEMO_PASSWORD } from '../../sql/seed/dispatch-data.ts';

const STEPS = ['triaged', 'assigned', 'in_progress', 'resolved'] as const;

interface Tracked {
  id: string;
  step: number;
  /** When (ms) the next move is due. */
  due: number;
  stuck: boolean;
}

export interface DispatcherSim {
  track(reportId: string): void;
  stop(): void;
}

export function startDispatcherSim(
  baseUrl: string,
  random: () => number = Math.random,
  paceMs = 20_000,
): DispatcherSim {
  const tracked = new Map<string, Tracked>();
  let session: Promise<{ cookie: string; csrf: string } | null> | null = null;
  const login = async () => {
    const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'dispatcher', password: DEMO_PASSWORD }),
    });
    if (res.status !== 200) return null;
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  };
  const move = async (t: Tracked) => {
    session ??= login().catch(() => null);
    const s = await session;
    if (!s) return;
    const to = STEPS[t.step];
    const res = await fetch(`${baseUrl}/api/v1/reports/${t.id}/transitions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
      body: JSON.stringify(
        to === 'resolved' ? { to, publicReply: 'Đã xử lý xong, cảm ơn người dân đã phản ánh.' } : { to },
      ),
    });
    if (res.status === 401) session = null; // signed out (restart): sign in again next time
    t.step++;
    t.due = Date.now() + paceMs * (0.5 + 2 * random());
    if (t.step >= STEPS.length || res.status >= 400) tracked.delete(t.id);
  };
  const timer = setInterval(() => {
    const now = Date.now();
    for (const t of [...tracked.values()].filter((x) => !x.stuck && x.due <= now).slice(0, 5)) void move(t);
    // Keep the table bounded: the oldest untouched ones stay as they are (overdue), only forgotten.
    if (tracked.size > 5000) for (const id of [...tracked.keys()].slice(0, 1000)) tracked.delete(id);
  }, 1000);
  return {
    track: (id) =>
      tracked.set(id, { id, step: 0, due: Date.now() + paceMs * (0.2 + random()), stuck: random() < 0.16 }),
    stop: () => clearInterval(timer),
  };
}
