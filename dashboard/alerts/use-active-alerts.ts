// Active alerts for a screen: loaded over HTTP, reloaded when the feed says one changed (or the socket
// reconnects), and dropped locally the moment they expire.
import { useEffect, useState } from 'react';
import type { AlertDTO } from '../../ingest/presenters/dto.ts';
import { stillActive } from './alert-geometry.ts';

/** The live feed hook (data/use-live-notices.ts) rings this on every `alert` message and every (re)connect. */
export const ALERT_BELL = 'hientruong:alert';

export function useActiveAlerts(): AlertDTO[] {
  const [alerts, setAlerts] = useState<AlertDTO[]>([]);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let stale = false;
    let generation = 0;
    const load = () => {
      const mine = ++generation;
      fetch('/api/v1/alerts', { headers: { accept: 'application/json' } })
        .then((r) => (r.ok ? (r.json() as Promise<{ alerts: AlertDTO[] }>) : null))
        .then((body) => {
          if (body && !stale && mine === generation) setAlerts(body.alerts);
        })
        .catch(() => {});
    };
    load();
    window.addEventListener(ALERT_BELL, load);
    const tick = setInterval(() => setNow(Date.now()), 5000);
    return () => {
      stale = true;
      window.removeEventListener(ALERT_BELL, load);
      clearInterval(tick);
    };
  }, []);
  return stillActive(alerts, now);
}
