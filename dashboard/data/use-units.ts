// Field units for the operator map (/ops): GET /api/v1/units with the staff token, refreshed every few seconds
// and when notices arrive. Null for the public or a token that may not see units.
import { useEffect, useState } from 'react';
import { getJson } from './api.ts';
import { useThrottled } from './use-throttled.ts';
import type { UnitDTO } from './dispatch-types.ts';

const REFRESH_MS = 5000;

export function useUnits(token: string | null, noticeCount: number, enabled = true): UnitDTO[] | null {
  const [units, setUnits] = useState<UnitDTO[] | null>(null);
  const [tick, setTick] = useState(0);
  const bumped = useThrottled(noticeCount, REFRESH_MS);
  useEffect(() => {
    if (!token || !enabled) return;
    const timer = setInterval(() => setTick((t) => t + 1), REFRESH_MS);
    return () => clearInterval(timer);
  }, [token, enabled]);
  useEffect(() => {
    if (!token || !enabled) return;
    const ctl = new AbortController();
    getJson<{ units: UnitDTO[] }>('/api/v1/units', token, ctl.signal).then(
      (r) => setUnits(r.units),
      () => {},
    );
    return () => ctl.abort();
  }, [token, enabled, tick, bumped]);
  return units;
}
