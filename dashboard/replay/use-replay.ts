// Replay on /ops and /wall: a period (24 h, 7 d or chosen, at most 7 days) of the event log with the state at its
// start, played at 1×–3600×, paused or scrubbed. The screens draw `frame` instead of the live data while it is
// set; the live feed keeps running underneath, so leaving replay shows the live state at once.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { getJson } from '../data/api.ts';
import { fetchReplayLog } from './replay-fetch.ts';
import { ReplayLog } from './replay-log.ts';
import { hotspotGrid, replayFrame, type ReplayFrame } from './replay-frame.ts';

export const REPLAY_SPEEDS = [1, 60, 600, 3600] as const;
export const MAX_PERIOD_MS = 7 * 86_400_000;
export type ReplayPeriod = '24h' | '7d' | 'custom';
const PERIOD_MS = { '24h': 86_400_000, '7d': MAX_PERIOD_MS };

export interface Replay {
  active: boolean;
  /** Loads the period (custom: `range`) and shows its start. */
  open: (period: ReplayPeriod, range?: { from: number; to: number }) => void;
  close: () => void;
  period: ReplayPeriod;
  loading: boolean;
  failed: boolean;
  eventCount: number;
  from: number;
  to: number;
  at: number;
  seek: (ms: number) => void;
  playing: boolean;
  setPlaying: (p: boolean) => void;
  speed: number;
  setSpeed: (s: number) => void;
  /** What the screens draw at `at`; null while live or loading. */
  frame: ReplayFrame | null;
}

const polygonsOf = (fc: FeatureCollection | null) =>
  (fc?.features ?? []).map((f) => f.geometry).filter((g): g is Polygon | MultiPolygon => /Polygon/.test(g.type));

export function useReplay(token: string | null, province: FeatureCollection | null): Replay {
  const [active, setActive] = useState(false);
  const [period, setPeriod] = useState<ReplayPeriod>('24h');
  const [range, setRange] = useState({ from: 0, to: 0 });
  const [log, setLog] = useState<ReplayLog | null>(null);
  const [failed, setFailed] = useState(false);
  const [at, setAt] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(600);
  const loadId = useRef(0);

  const open = useCallback(
    (p: ReplayPeriod, custom?: { from: number; to: number }) => {
      const to = p === 'custom' && custom ? custom.to : Date.now();
      const asked = p === 'custom' && custom ? custom.from : to - PERIOD_MS[p === 'custom' ? '24h' : p];
      // The log is read to `to` inclusive (to + 1 ms): keep the span within the server's 7 days.
      const from = Math.max(asked, to + 1 - MAX_PERIOD_MS);
      const id = ++loadId.current;
      setActive(true);
      setPeriod(p);
      setRange({ from, to });
      setAt(from);
      setPlaying(false);
      setLog(null);
      setFailed(false);
      if (!token) return;
      fetchReplayLog((path) => getJson(path, token), from, to).then(
        ({ baseline, events }) => id === loadId.current && setLog(new ReplayLog(baseline, events)),
        () => id === loadId.current && setFailed(true),
      );
    },
    [token],
  );
  const close = useCallback(() => {
    loadId.current++;
    setActive(false);
    setPlaying(false);
    setLog(null);
  }, []);

  // Playing advances by wall-clock time × speed each animation frame, and stops at the period's end.
  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let raf = requestAnimationFrame(function step(now) {
      const dt = now - last;
      last = now;
      setAt((a) => Math.min(range.to, a + dt * speed));
      raf = requestAnimationFrame(step);
    });
    return () => cancelAnimationFrame(raf);
  }, [playing, speed, range.to]);
  useEffect(() => {
    if (playing && at >= range.to) setPlaying(false);
  }, [playing, at, range.to]);

  const grid = useMemo(() => (active && province ? hotspotGrid(polygonsOf(province)) : null), [active, province]);
  const frame = useMemo(() => (active && log ? replayFrame(log, at, grid) : null), [active, log, at, grid]);
  const seek = useCallback((ms: number) => setAt(Math.max(range.from, Math.min(range.to, ms))), [range]);

  return {
    active,
    open,
    close,
    period,
    loading: active && log === null && !failed,
    failed,
    eventCount: log?.size ?? 0,
    from: range.from,
    to: range.to,
    at,
    seek,
    playing,
    setPlaying,
    speed,
    setSpeed,
    frame,
  };
}
