// Public transparency map: only public DTOs ever reach it; counters per commune, no reporter fields.
import { AppShell } from '../components/app-shell.tsx';
import { BarList, StatCard } from '../components/counters.tsx';
import { LiveList } from '../components/live-list.tsx';
import { ranked } from '../data/counts.ts';
import { useCitizenI18n } from '../citizen/strings.ts';
import { MapScene } from './map-scene.tsx';
import { useActiveAlerts } from '../alerts/use-active-alerts.ts';
import { PushSubscribe } from '../alerts/push-subscribe.tsx';
import '../alerts/alerts.css';
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
  const alerts = useActiveAlerts();
  const { t, c, lang, categoryName } = useCitizenI18n();
  const [showTx, setShowTx] = useState(false);
  const onViewport = useCallback((v: Viewport) => setViewBox(v.bbox), []);
  const areaLabel = (code: string) => d.reference.areaNames[code]?.[lang] ?? code;
  const panel = (
    <>
      <CodeBox />
      <PushSubscribe communes={d.reference.communes} />
      <p className="muted small">{t('public.note')}</p>
      <div className="stats">
        <StatCard id="total" label="counter.total" value={d.feed.state.loaded ? d.stats.total : null} />
        <StatCard id="last24h" label="counter.last24h" value={d.feed.state.loaded ? d.stats.last24h : null} />
      </div>
      <BarList
        id="area"
        title="counter.byArea"
        rows={ranked(d.local.byArea, 12).map(([k, v]) => ({ key: k, label: areaLabel(k), value: v }))}
      />
      <BarList
        id="category"
        title="counter.byCategory"
        rows={ranked(d.local.byCategory).map(([k, v]) => ({
          key: k,
          label: categoryName(d.reference.categoryByCode[k], k),
          value: v,
          color: d.reference.categoryByCode[k]?.color,
        }))}
      />
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
    <AppShell
      title="view.public"
      connection={d.feed.connection}
      theme={d.theme}
      onTheme={d.setTheme}
      panel={panel}
      map={
        <>
          <a className="report-fab" href="/report" data-testid="report-cta">
            {c('report.cta')}
          </a>
          <MapScene
            reports={d.reports}
            token={d.token}
            noticeCount={d.feed.noticeCount}
            reference={d.reference}
            theme={d.theme}
            areaName={d.areaName}
            areaCounts={d.local.byArea}
            selectedId={d.selectedId}
            onSelect={d.select}
            onHandle={d.onHandle}
            alerts={alerts}
            onViewport={onViewport}
          />
        </>
      }
    />
  );
}
