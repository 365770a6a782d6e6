// A tracked report: fetched over HTTP, refetched when the public feed names its reportId, polled as a fallback.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLiveNotices } from '../../data/use-live-notices.ts';
import { citizenApi, CitizenApiError } from '../citizen-api.ts';
import type { TrackDTO } from '../types.ts';
import type { ConnectionState } from '../../data/types.ts';

const POLL_MS = 20_000;

export interface TrackState {
  data: TrackDTO | null;
  error: 'not_found' | 'network' | null;
  connection: ConnectionState;
  reload: () => void;
}

export function useTrack(code: string, secret: string | null): TrackState {
  const [data, setData] = useState<TrackDTO | null>(null);
  const [error, setError] = useState<TrackState['error']>(null);
  const reportId = useRef<string | null>(null);

  const reload = useCallback(() => {
    citizenApi.track(code, secret).then(
      (d) => {
        reportId.current = d.reportId;
        setData(d);
        setError(null);
      },
      (e: unknown) => setError(e instanceof CitizenApiError && e.status === 404 ? 'not_found' : 'network'),
    );
  }, [code, secret]);

  useEffect(() => {
    reload();
    const timer = setInterval(reload, POLL_MS);
    const visible = () => document.visibilityState === 'visible' && reload();
    document.addEventListener('visibilitychange', visible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', visible);
    };
  }, [reload]);

  const connection = useLiveNotices({
    token: null,
    enabled: data !== null,
    // Only news from now on matters: the page refetches the whole story over HTTP when its report moves.
    lastEventId: () => null,
    onNotices: (notices) => {
      if (notices.some((n) => n.reportId === reportId.current)) reload();
    },
    onMustRefetch: reload,
  });

  return { data, error, connection, reload };
}
