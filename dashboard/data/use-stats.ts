// Server-side counters, refreshed at most once a second while notices stream in; null while unavailable.
import { useEffect, useState } from 'react';
import { api } from './api.ts';
import { useThrottled } from './use-throttled.ts';
import type { StatsDTO } from './types.ts';

export function useStats(token: string | null, noticeCount: number, intervalMs = 1000): StatsDTO | null {
  const [stats, setStats] = useState<StatsDTO | null>(null);
  const tick = useThrottled(noticeCount, intervalMs);
  useEffect(() => {
    const ctl = new AbortController();
    api.stats(token, ctl.signal).then(setStats, () => {});
    return () => ctl.abort();
  }, [token, tick]);
  return stats;
}
