// Public transparency map: only public DTOs ever reach it; counters per commune, no reporter fields.
import { BarList } from '../components/counters.tsx';
import { LiveList } from '../components/live-list.tsx';
import { ranked } from '../data/counts.ts';
import { useCitizenI18n } from '../citizen/strings.ts';
import { DashboardPage, HeadlineCounters } from './dashboard-page.tsx';
import { PushSubscribe } from '../alerts/push-subscribe.tsx';
import { CodeBox } from '../citizen/track/code-box.tsx';
import { lazy, Suspense, useCallback, useState } from 'react';

const TransparencyPanel = lazy(() => import('../citizen/transparency/transparency-panel.tsx'));
import { useDashboard } from './use-dashboard.ts';
import { useThrottled } from '../data/use-throttled.ts';
import type { Viewport } from '../map/map-view.tsx';

export function PublicView() {
  const [viewBox, setViewBox] = useState<Viewport['bbox'] | null>(null);
  // The socket watches what the map shows: the first view at once, then at most one watch per 300 ms of panning.
  const alertView = useThrottled(viewBox, 300);
  const d = useDashboard({ useToken: false, listSize: 30, alertView });
  const { t, c, lang } = useCitizenI18n();
  const [showTx, setShowTx] = useState(false);
  const onViewport = useCallback((v: Viewport) => setViewBox(v.bbox), []);
  const areaLabel = (code: string) => d.reference.areaNames[code]?.[lang] ?? code;
  const panel = (
    <>
      <CodeBox />
      <PushSubscribe communes={d.reference.communes} />
      <p className="muted small">{t('public.note')}</p>
      <HeadlineCounters d={d} stats={{ ...d.stats, byCategory: d.local.byCategory }} loaded={d.feed.state.loaded}>
        <BarList
          id="area"
          title="counter.byArea"
          rows={ranked(d.local.byArea, 12).map(([k, v]) => ({ key: k, label: areaLabel(k), value: v }))}
        />
      </HeadlineCounters>
      {showTx ? (
        <Suspense fallback={<p aria-busy="true">…</p>}>
          <TransparencyPanel />
        </Suspense>
      ) : (
        <button type="button" className="tx-open" data-testid="tx-open" onClick={() => setShowTx(true)}>
          {c('map.transparency')}
        </button>
      )}
      <LiveList
        reports={d.latest}
        categories={d.reference.categoryByCode}
        areaName={d.areaName}
        selectedId={d.selectedId}
        onSelect={d.select}
      />
    </>
  );
  return (
    <DashboardPage
      d={d}
      title="view.public"
      panel={panel}
      scene={{ areaCounts: d.local.byArea, onViewport }}
      overMap={
        <a className="report-fab" href="/report" data-testid="report-cta">
          {c('report.cta')}
        </a>
      }
    />
  );
}
