// Operator view: the live map plus counters and the newest reports; staff DTOs when the token is valid.
import { AppShell } from '../components/app-shell.tsx';
import { BarList, StatCard } from '../components/counters.tsx';
import { LiveList } from '../components/live-list.tsx';
import { ranked } from '../data/counts.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { MapScene } from './map-scene.tsx';
import { useActiveAlerts } from '../alerts/use-active-alerts.ts';
import '../alerts/alerts.css';
import { useDashboard } from './use-dashboard.ts';
import { NotAuthorised } from '../components/not-authorised.tsx';
import { useTokenRefused } from '../data/use-token-refused.ts';

export function OpsView() {
  const d = useDashboard({ useToken: true });
  const alerts = useActiveAlerts();
  const { t, status, categoryName } = useI18n();
  const notStaff = d.feed.audience === 'public' || !d.token;
  const refused = useTokenRefused(d.token, d.feed.audience);
  const panel = (
    <>
      {notStaff && (
        <p className="warn" data-testid="not-staff">
          {t('ops.notStaff')}
        </p>
      )}
      <div className="stats">
        <StatCard id="total" label="counter.total" value={d.feed.state.loaded ? d.stats.total : null} />
        <StatCard id="last24h" label="counter.last24h" value={d.feed.state.loaded ? d.stats.last24h : null} />
      </div>
      <BarList
        id="status"
        title="counter.byStatus"
        rows={ranked(d.stats.byStatus).map(([k, v]) => ({ key: k, label: status(k), value: v }))}
      />
      <BarList
        id="category"
        title="counter.byCategory"
        rows={ranked(d.stats.byCategory).map(([k, v]) => ({
          key: k,
          label: categoryName(d.reference.categoryByCode[k], k),
          value: v,
          color: d.reference.categoryByCode[k]?.color,
        }))}
      />
      <LiveList
        reports={d.latest}
        categories={d.reference.categoryByCode}
        areaName={d.areaName}
        selectedId={d.selectedId}
        onSelect={d.select}
      />
    </>
  );
  if (refused) return <NotAuthorised />;
  return (
    <AppShell
      title="view.ops"
      connection={d.feed.connection}
      theme={d.theme}
      onTheme={d.setTheme}
      panel={panel}
      map={
        <MapScene
          reports={d.reports}
          token={d.token}
          noticeCount={d.feed.noticeCount}
          reference={d.reference}
          theme={d.theme}
          areaName={d.areaName}
          selectedId={d.selectedId}
          onSelect={d.select}
          onHandle={d.onHandle}
          alerts={alerts}
        />
      }
    />
  );
}
