// Says when the phone is offline and how many reports wait to be sent.
import { useEffect, useState } from 'react';
import { useCitizenI18n } from '../strings.ts';
import { QUEUE_EVENT, pendingCount, startQueueFlusher } from './report-queue.ts';

export const QUEUED_EVENT = 'hientruong:report-queued';

export function OfflineBanner() {
  const { c } = useCitizenI18n();
  const [online, setOnline] = useState(() => navigator.onLine);
  const [pending, setPending] = useState(0);
  useEffect(() => {
    const refresh = () => void pendingCount().then(setPending, () => {});
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    window.addEventListener(QUEUE_EVENT, refresh);
    window.addEventListener(QUEUED_EVENT, refresh);
    const stop = startQueueFlusher();
    refresh();
    return () => {
      stop();
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
      window.removeEventListener(QUEUE_EVENT, refresh);
      window.removeEventListener(QUEUED_EVENT, refresh);
    };
  }, []);
  if (online && pending === 0) return null;
  return (
    <div className="offline-banner" role="status" data-testid="offline-banner">
      {!online && <span>{c('offline.banner')}</span>}
      {pending > 0 && (
        <span>
          {' '}
          {pending} {c('offline.pending')}
        </span>
      )}
    </div>
  );
}
