// Everything a view needs, composed once: token, feed, reference data, counters, selection and fly-to.
import { useCallback, useMemo, useRef, useState } from 'react';
import { captureToken } from '../data/auth.ts';
import { countReports, type Counts } from '../data/counts.ts';
import { latestReports } from '../data/reports-reducer.ts';
import { useReportsFeed, type ReportsFeed } from '../data/use-reports-feed.ts';
import { useReference, type Reference } from '../data/use-reference.ts';
import { useStats } from '../data/use-stats.ts';
import { useTheme } from '../data/use-prefs.ts';
import type { Report, StatsDTO } from '../data/types.ts';
import type { Theme } from '../layers/palette.ts';
import type { MapHandle } from '../map/map-view.tsx';
import { useI18n } from '../i18n/i18n.tsx';

export interface Dashboard {
  token: string | null;
  feed: ReportsFeed;
  reference: Reference;
  reports: Report[];
  latest: Report[];
  /** Counted from the reports held (per commune, and the fallback for `stats`). */
  local: Counts;
  /** Server counters when available, else local ones. */
  stats: StatsDTO;
  theme: Theme;
  setTheme: (t: Theme) => void;
  selectedId: string | null;
  select: (r: Report | null) => void;
  onHandle: (h: MapHandle | null) => void;
  areaName: (r: Report) => string;
}

export function useDashboard({
  useToken,
  listSize = 50,
  alertView = null,
}: {
  useToken: boolean;
  listSize?: number;
  /** A public map's viewport: its socket hears alerts only there. */
  alertView?: [number, number, number, number] | null;
}): Dashboard {
  const { lang, t } = useI18n();
  const [token] = useState(() => (useToken ? captureToken() : null));
  const [theme, setTheme] = useTheme();
  const feed = useReportsFeed(token, alertView);
  const reference = useReference(token);
  const serverStats = useStats(token, feed.noticeCount);
  const reports = useMemo(() => Object.values(feed.state.reports), [feed.state.reports]);
  const latest = useMemo(() => latestReports(feed.state, listSize), [feed.state, listSize]);
  const local = useMemo(() => countReports(reports), [reports]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const handle = useRef<MapHandle | null>(null);

  const select = useCallback((r: Report | null) => {
    setSelectedId(r?.id ?? null);
    const map = handle.current?.map;
    if (map && r && r.lat !== null && r.lng !== null)
      map.flyTo({ center: [r.lng, r.lat], zoom: Math.max(map.getZoom(), 13.5), duration: 900 });
  }, []);
  const onHandle = useCallback((h: MapHandle | null) => {
    handle.current = h;
  }, []);
  const areaName = useCallback(
    (r: Report) => {
      const known = r.areaCode ? reference.areaNames[r.areaCode] : undefined;
      return (known && known[lang]) ?? r.areaName ?? t('area.unknown');
    },
    [reference.areaNames, lang, t],
  );

  return {
    token,
    feed,
    reference,
    reports,
    latest,
    local,
    stats: serverStats ?? local,
    theme,
    setTheme,
    selectedId,
    select,
    onHandle,
    areaName,
  };
}
