// Snapshot over HTTP, then live notices; staff also fetch details for reports first seen in a notice.
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { api } from './api.ts';
import { initialReportsState, reportsReducer, type ReportsState } from './reports-reducer.ts';
import { useLiveNotices } from './use-live-notices.ts';
import type { Audience, ConnectionState, ReportNotice } from './types.ts';

const DETAILS_PER_REQUEST = 200;

export interface ReportsFeed {
  state: ReportsState;
  connection: ConnectionState;
  audience: Audience | null;
  error: string | null;
  /** Bumps on every applied notice; consumers debounce refetches of aggregates on it. */
  noticeCount: number;
}

/** `alertView`: a public map's viewport, so its socket hears only the alerts where it looks. */
export function useReportsFeed(token: string | null, alertView?: [number, number, number, number] | null): ReportsFeed {
  const [state, dispatch] = useReducer(reportsReducer, initialReportsState);
  const [error, setError] = useState<string | null>(null);
  const [audience, setAudience] = useState<Audience | null>(null);
  const [noticeCount, setNoticeCount] = useState(0);
  const stateRef = useRef(state);
  stateRef.current = state;

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const snapshot = await api.reports(token, signal);
        dispatch({ type: 'snapshot', snapshot });
        setError(null);
      } catch (e) {
        if (!signal?.aborted) setError(e instanceof Error ? e.message : String(e));
      }
    },
    [token],
  );

  useEffect(() => {
    const ctl = new AbortController();
    void load(ctl.signal);
    return () => ctl.abort();
  }, [load]);

  // Until the first snapshot arrives there is nothing to resume from: keep retrying it.
  useEffect(() => {
    if (!error || state.loaded) return;
    const t = setTimeout(() => void load(), 3000);
    return () => clearTimeout(t);
  }, [error, state.loaded, load]);

  // Bursts (a replay after reconnect, a busy hour) are applied once per frame, not once per batch; the
  // position a batch completes is applied with its notices, so a resume never skips one still pending.
  const pending = useRef<{ notices: ReportNotice[]; upTo: string | null }>({ notices: [], upTo: null });
  const flushTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const flush = useCallback(() => {
    flushTimer.current = null;
    const { notices, upTo } = pending.current;
    pending.current = { notices: [], upTo: null };
    if (!notices.length && !upTo) return;
    const before = stateRef.current.reports;
    dispatch({ type: 'notices', notices, ...(upTo ? { upTo } : {}) });
    if (!notices.length) return;
    setNoticeCount((n) => n + notices.length);
    // Notices are deliberately thin; staff fill in the rest over HTTP, where policies apply.
    if (!token) return;
    // One request per 200 new reports, not one per report: a surge must not turn every wall display into a flood of GETs.
    const unknown = [
      ...new Set(notices.filter((n) => !before[n.reportId] || before[n.reportId].stub).map((n) => n.reportId)),
    ];
    for (let i = 0; i < unknown.length; i += DETAILS_PER_REQUEST) {
      api
        .reportsByIds(unknown.slice(i, i + DETAILS_PER_REQUEST), token)
        .then(({ reports }) => {
          for (const report of reports) dispatch({ type: 'details', report });
        })
        .catch(() => {});
    }
  }, [token]);
  const onNotices = useCallback(
    (notices: ReportNotice[], upTo: string) => {
      pending.current.notices.push(...notices);
      pending.current.upTo = upTo;
      flushTimer.current ??= setTimeout(flush, 100);
    },
    [flush],
  );
  useEffect(
    () => () => {
      if (flushTimer.current) clearTimeout(flushTimer.current);
    },
    [],
  );

  const connection = useLiveNotices({
    token,
    enabled: state.loaded,
    lastEventId: () => stateRef.current.lastEventId,
    onNotices,
    onMustRefetch: () => void load(),
    onHello: setAudience,
    alertView,
  });

  return { state, connection: error && !state.loaded ? 'offline' : connection, audience, error, noticeCount };
}
