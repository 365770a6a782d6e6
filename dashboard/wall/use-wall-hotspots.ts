// The wall's hot-spot list: GET /api/v1/hotspots (24 h, res 8), refreshed every 15 s and whenever reports arrive.
import { useEffect, useState } from 'react';
import { getJson } from '../data/api.ts';

export interface WallHotspot {
  cell: string;
  count: number;
  z: number;
  confidence: 90 | 95 | 99;
  side: 'hot' | 'cold';
  pattern: string | null;
  area: { code: string; name: string } | null;
}

export interface WallHotspots {
  cells: WallHotspot[];
  cooccurrence: { cell: string; categories: string[]; area: { name: string } | null }[];
}

export function useWallHotspots(token: string | null, noticeCount: number): WallHotspots | null {
  const [answer, setAnswer] = useState<WallHotspots | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), 15_000);
    return () => clearInterval(timer);
  }, []);
  const bucket = Math.floor(noticeCount / 10); // a burst of reports asks again, at most once per ten notices
  useEffect(() => {
    if (!token) return;
    const abort = new AbortController();
    getJson<WallHotspots>('/api/v1/hotspots?window=24h&res=8', token, abort.signal)
      .then(setAnswer)
      .catch(() => {}); // kept: the stale banner tells the room when the wall is cut off
    return () => abort.abort();
  }, [token, tick, bucket]);
  return answer;
}
