// What /ops and the public map share: the page frame (header, theme, connection) around the map scene wired to
// the dashboard's feed, selection and alerts, and the headline counters. Each view adds only its own panel parts.
import type { ReactNode } from 'react';
import { AppShell } from '../components/app-shell.tsx';
import { BarList, StatCard } from '../components/counters.tsx';
import { ranked } from '../data/counts.ts';
import type { StatsDTO } from '../data/types.ts';
import type { MessageKey } from '../i18n/dictionary.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useActiveAlerts } from '../alerts/use-active-alerts.ts';
import '../alerts/alerts.css';
import { MapScene, type MapSceneProps } from './map-scene.tsx';
import type { Dashboard } from './use-dashboard.ts';
import { sceneOf } from './scene-of.ts';

type SceneExtras = Omit<
  MapSceneProps,
  | 'reports'
  | 'token'
  | 'noticeCount'
  | 'reference'
  | 'theme'
  | 'areaName'
  | 'selectedId'
  | 'onSelect'
  | 'onHandle'
  | 'alerts'
>;

export function DashboardPage({
  d,
  title,
  panel,
  scene = {},
  overMap = null,
}: {
  d: Dashboard;
  title: MessageKey;
  panel: ReactNode;
  /** The scene's optional layers (commune shading, hot spots, units, replay). */
  scene?: SceneExtras;
  /** Drawn over the map (the public map's report button). */
  overMap?: ReactNode;
}) {
  const alerts = useActiveAlerts();
  return (
    <AppShell
      title={title}
      connection={d.feed.connection}
      theme={d.theme}
      onTheme={d.setTheme}
      panel={panel}
      map={
        <>
          {overMap}
          <MapScene {...sceneOf(d)} alerts={alerts} {...scene} />
        </>
      }
    />
  );
}

/** Total and last-24-hour cards, the view's own lists (`children`), then reports per category. */
export function HeadlineCounters({
  d,
  stats,
  loaded,
  children,
}: {
  d: Dashboard;
  stats: StatsDTO;
  loaded: boolean;
  children?: ReactNode;
}) {
  const { categoryName } = useI18n();
  return (
    <>
      <div className="stats">
        <StatCard id="total" label="counter.total" value={loaded ? stats.total : null} />
        <StatCard id="last24h" label="counter.last24h" value={loaded ? stats.last24h : null} />
      </div>
      {children}
      <BarList
        id="category"
        title="counter.byCategory"
        rows={ranked(stats.byCategory).map(([k, v]) => ({
          key: k,
          label: categoryName(d.reference.categoryByCode[k], k),
          value: v,
          color: d.reference.categoryByCode[k]?.color,
        }))}
      />
    </>
  );
}
