// Server-side counters, refetched shortly after bursts of notices; null while unavailable.
import { useEffect, useState } from 'react';
import { api } from './api.ts';
import type { StatsDTO } from './types.ts';

export function useStats(token: string | null, noticeCount: number, debounceMs = 800): StatsDTO | null {
  const [stats, setStats] = useState<StatsDTO | null>(null);
  useEffect(() => {
    const ctl = new AbortController();
    const t = setTimeout(() => api.stats(token, ctl.signal).then(setStats, () => {}), noticeCount === 0 ? 0 : debounceMs);
    return () => { clearTimeout(t); ctl.abort(); };
  }, [token, noticeCount, debounceMs]);
  return stats;
}
