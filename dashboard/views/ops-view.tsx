// Operator view: the live map plus counters and the newest reports; staff DTOs when the token is valid. Hot
// spots and field units over the map; replay shows any moment of the last days instead of the live state.
import { useMemo } from 'react';
import { BarList } from '../components/counters.tsx';
import { LiveList } from '../components/live-list.tsx';
import { ranked } from '../data/counts.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useDashboard } from './use-dashboard.ts';
import { NotAuthorised } from '../components/not-authorised.tsx';
import { useTokenRefused } from '../data/use-token-refused.ts';
import { DashboardPage, HeadlineCounters } from './dashboard-page.tsx';
import { useUnits } from '../data/use-units.ts';
import { useWallHotspots } from '../wall/use-wall-hotspots.ts';
import { toHotspotMarks } from '../layers/hotspots-layer.ts';
import { useReplay } from '../replay/use-replay.ts';
import { ReplayBar } from '../replay/replay-bar.tsx';
import { latestOf } from '../replay/replay-frame.ts';

export function OpsView() {
  const d = useDashboard({ useToken: true });
  const { t, status } = useI18n();
  const notStaff = d.feed.audience === 'public' || !d.token;
  const refused = useTokenRefused(d.token, d.feed.audience);
  const staffToken = notStaff ? null : d.token;
  const answer = useWallHotspots(staffToken, d.feed.connection === 'live');
  const hotspots = useMemo(() => (answer ? toHotspotMarks(answer.cells) : null), [answer]);
  const units = useUnits(staffToken, d.feed.noticeCount);
  const replay = useReplay(staffToken, d.reference.province);
  const frame = replay.frame;
  const stats = frame ? frame.stats : d.stats;
  const latest = useMemo(() => (frame ? latestOf(frame.reports, 50) : d.latest), [frame, d.latest]);
  const panel = (
    <>
      {notStaff && (
        <p className="warn" data-testid="not-staff">
          {t('ops.notStaff')}
        </p>
      )}
      {!notStaff && <ReplayBar replay={replay} />}
      <HeadlineCounters d={d} stats={stats} loaded={frame !== null || d.feed.state.loaded}>
        <BarList
          id="status"
          title="counter.byStatus"
          rows={ranked(stats.byStatus).map(([k, v]) => ({ key: k, label: status(k), value: v }))}
        />
      </HeadlineCounters>
      <LiveList
        reports={latest}
        categories={d.reference.categoryByCode}
        areaName={d.areaName}
        selectedId={d.selectedId}
        onSelect={d.select}
      />
    </>
  );
  if (refused) return <NotAuthorised />;
  return <DashboardPage d={d} title="view.ops" panel={panel} scene={{ hotspots, units, replay: frame }} />;
}
