// Replay on the wall: a period's event log (at most 7 days, paged from GET /api/v1/events) played at 1×–3600×,
// paused or scrubbed; the counters show the state at the chosen moment (replay.ts).
import { useEffect, useMemo, useState } from 'react';
import { getJson } from '../data/api.ts';
import { replayCounts, type LoggedEvent, type ReplayCounts } from './replay.ts';

export const REPLAY_SPEEDS = [1, 60, 600, 3600] as const;
const TICK_MS = 250;

export interface Replay {
  active: boolean;
  toggle: () => void;
  loading: boolean;
  from: number;
  to: number;
  at: number;
  seek: (ms: number) => void;
  playing: boolean;
  setPlaying: (p: boolean) => void;
  speed: number;
  setSpeed: (s: number) => void;
  counts: ReplayCounts | null;
}

export function useReplay(token: string | null, periodMs = 86_400_000): Replay {
  const [active, setActive] = useState(false);
  const [range, setRange] = useState({ from: 0, to: 0 });
  const [events, setEvents] = useState<LoggedEvent[] | null>(null);
  const [at, setAt] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(600);

  useEffect(() => {
    if (!active || !token) return;
    const to = Date.now();
    const from = to - periodMs;
    setRange({ from, to });
    setAt(from);
    setEvents(null);
    let alive = true;
    void (async () => {
      const all: LoggedEvent[] = [];
      let after = '0';
      for (;;) {
        const q = `from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}&after=${after}&limit=5000`;
        const page = await getJson<{ events: LoggedEvent[]; next: string | null }>(`/api/v1/events?${q}`, token);
        all.push(...page.events);
        if (!page.next || !alive) break;
        after = page.next;
      }
      if (alive) setEvents(all);
    })().catch(() => alive && setEvents([]));
    return () => {
      alive = false;
    };
  }, [active, token, periodMs]);

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => setAt((a) => Math.min(range.to, a + TICK_MS * speed)), TICK_MS);
    return () => clearInterval(timer);
  }, [playing, speed, range.to]);

  const counts = useMemo(() => (events ? replayCounts(events, at) : null), [events, at]);
  return {
    active,
    toggle: () => {
      setActive((a) => !a);
      setPlaying(false);
    },
    loading: active && events === null,
    from: range.from,
    to: range.to,
    at,
    seek: (ms) => setAt(Math.max(range.from, Math.min(range.to, ms))),
    playing,
    setPlaying,
    speed,
    setSpeed,
    counts,
  };
}
