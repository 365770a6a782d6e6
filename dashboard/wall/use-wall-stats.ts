// The wall's figures (GET /api/v1/wall/stats): again when reports arrive (at most every 5 s, the server's sharing
// interval) and every minute anyway, since reports become overdue with time alone.
import { useEffect, useState } from 'react';
import type { WallStatsDTO } from '../../ingest/presenters/dto.ts';
import { getJson } from '../data/api.ts';
import { useThrottled } from '../data/use-throttled.ts';

export function useWallStats(token: string | null, noticeCount: number): WallStatsDTO | null {
  const [stats, setStats] = useState<WallStatsDTO | null>(null);
  const [minute, setMinute] = useState(0);
  const tick = useThrottled(noticeCount, 5000);
  useEffect(() => {
    const timer = setInterval(() => setMinute((m) => m + 1), 60_000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (!token) return;
    const abort = new AbortController();
    getJson<WallStatsDTO>('/api/v1/wall/stats', token, abort.signal).then(setStats, () => {});
    return () => abort.abort();
  }, [token, tick, minute]);
  return stats;
}
