// Active alerts for a screen: loaded over HTTP; when the feed says one changed, the notice is applied at once
// (alert-notice.ts) and the list reloaded for the text and areas; reloaded too when the socket (re)connects; an
// alert is dropped locally the moment it expires.
import { useEffect, useState } from 'react';
import type { AlertDTO } from '../../ingest/presenters/dto.ts';
import type { AlertNotice } from '../../realtime/protocol.ts';
import { applyAlertNotice, applyReload, fromNoticeOnly } from './alert-notice.ts';
import { stillActive } from './alert-geometry.ts';

/**
 * The live feed hook (data/use-live-notices.ts) rings this on every `alert` message, with the notice as its
 * detail, and on every (re)connect, without.
 */
export const ALERT_BELL = 'hientruong:alert';

export function useActiveAlerts(): AlertDTO[] {
  const [alerts, setAlerts] = useState<AlertDTO[]>([]);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let stale = false;
    let generation = 0;
    let retry: ReturnType<typeof setTimeout> | undefined;
    // This effect is the list's only writer, so it keeps what it last showed: whether an alert is still known only
    // from its notice is read from the list itself.
    let shown: AlertDTO[] = [];
    const show = (next: AlertDTO[]) => {
      shown = next;
      setAlerts(next);
    };
    const load = (tries = 3) => {
      const mine = ++generation;
      clearTimeout(retry);
      fetch('/api/v1/alerts', { headers: { accept: 'application/json' } })
        .then((r) => (r.ok ? (r.json() as Promise<{ alerts: AlertDTO[] }>) : null))
        .then((body) => {
          if (!body || stale || mine !== generation) return;
          show(applyReload(shown, body.alerts));
          // An alert heard but not in this answer yet: its text and area come with a reload a moment later.
          if (tries > 1 && shown.some(fromNoticeOnly)) retry = setTimeout(() => load(tries - 1), 1000);
        })
        .catch(() => {});
    };
    // A reload started before the notice is ignored when it lands (its generation is old), so it cannot undo it.
    const heard = (e: Event) => {
      const notice = (e as CustomEvent<AlertNotice | null>).detail;
      if (notice) show(applyAlertNotice(shown, notice));
      load();
    };
    load();
    window.addEventListener(ALERT_BELL, heard);
    const tick = setInterval(() => setNow(Date.now()), 5000);
    return () => {
      stale = true;
      clearTimeout(retry);
      window.removeEventListener(ALERT_BELL, heard);
      clearInterval(tick);
    };
  }, []);
  return stillActive(alerts, now);
}
