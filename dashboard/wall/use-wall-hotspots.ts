// The wall's hot-spot list: GET /api/v1/hotspots (24 h, res 8) at start, again each time the live feed (re)connects
// (notices sent while it was away are not replayed), and at the turn of each hour (the 24 h window's bins move);
// in between, `hotspot` notices update it (hotspot-list.ts). The server shares one answer for 5 s.
import { useEffect, useRef, useState } from 'react';
import type { HotspotNotice } from '../../realtime/protocol.ts';
import { getJson } from '../data/api.ts';
import { applyHotspotNotice, HOTSPOT_BELL, WALL_HOTSPOT_RES, type WallHotspots } from './hotspot-list.ts';

export type { WallHotspot, WallHotspots } from './hotspot-list.ts';

export function useWallHotspots(token: string | null, live: boolean): WallHotspots | null {
  const [answer, setAnswer] = useState<WallHotspots | null>(null);
  const [hour, setHour] = useState(() => Math.floor(Date.now() / 3_600_000));
  useEffect(() => {
    const timer = setInterval(() => setHour(Math.floor(Date.now() / 3_600_000)), 60_000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    const apply = (e: Event) => {
      const n = (e as CustomEvent<HotspotNotice>).detail;
      setAnswer((list) => (list ? applyHotspotNotice(list, n) : list));
    };
    window.addEventListener(HOTSPOT_BELL, apply);
    return () => window.removeEventListener(HOTSPOT_BELL, apply);
  }, []);
  const started = useRef(false);
  useEffect(() => {
    if (!token || (started.current && !live)) return; // going offline is no reason to ask
    started.current = true;
    const abort = new AbortController();
    getJson<WallHotspots>(`/api/v1/hotspots?window=24h&res=${WALL_HOTSPOT_RES}`, token, abort.signal)
      .then(setAnswer)
      .catch(() => {}); // kept: the stale banner tells the room when the wall is cut off
    return () => abort.abort();
  }, [token, live, hour]);
  return answer;
}
