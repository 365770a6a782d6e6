// /wall: the command centre's wall, read from 5 m on 1920×1080 to 3840×2160 (every size scales with the
// viewport). KPI tiles, the hot spots with their communes, overdue per agency, trends, a live ticker, the map. Opened with a wall token
// (?token=wall_…); an unknown or revoked one shows only "not authorised"; a cut feed shows a large stale banner.
import { useCallback, useMemo, useState } from 'react';
import { NotAuthorised } from '../components/not-authorised.tsx';
import type { MapHandle } from '../map/map-view.tsx';
import { useTokenRefused } from '../data/use-token-refused.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { MapScene } from '../views/map-scene.tsx';
import { useDashboard } from '../views/use-dashboard.ts';
import { sceneOf } from '../views/scene-of.ts';
import { useStaleSeconds } from './use-stale-since.ts';
import { useWallHotspots } from './use-wall-hotspots.ts';
import { replayedHotspots } from '../replay/replayed-hotspots.ts';
import { useScenes } from './use-scenes.ts';
import { useReplay } from '../replay/use-replay.ts';
import { ReplayBar } from '../replay/replay-bar.tsx';
import { latestOf } from '../replay/replay-frame.ts';
import { toHotspotMarks } from '../layers/hotspots-layer.ts';
import { useWallStats } from './use-wall-stats.ts';
import { wallKpis, WallKpis } from './wall-kpis.tsx';
import { replayedWallFigures } from '../replay/replay-kpis.ts';
import { DEFAULT_TIME_ZONE } from '../../domain/wall-figures.ts';
import { WallOverdue } from './wall-overdue.tsx';
import { WallTrends } from './wall-trends.tsx';
import './wall.css';
import './wall-panels.css';

export function WallView() {
  const d = useDashboard({ useToken: true, listSize: 8 });
  const { t, lang, categoryName } = useI18n();
  const refused = useTokenRefused(d.token, d.feed.audience);
  const hotspots = useWallHotspots(d.token, d.feed.connection === 'live');
  const wallStats = useWallStats(d.token, d.feed.noticeCount);
  const replay = useReplay(d.token, d.reference.province);
  const frame = replay.frame; // while set, everything below shows the replayed moment, never the live feed
  const marks = useMemo(() => (hotspots ? toHotspotMarks(hotspots.cells) : null), [hotspots]);
  // Replaying, the tiles are counted from the replayed reports (the map's state), in the centre's time zone.
  const timeZone = wallStats?.timeZone ?? DEFAULT_TIME_ZONE;
  const replayed = useMemo(
    () => (frame ? replayedWallFigures(frame.replayed, frame.at, timeZone) : null),
    [frame, timeZone],
  );
  const stale = useStaleSeconds(d.feed.connection === 'live');
  const [handle, setHandle] = useState<MapHandle | null>(null);
  const { onHandle: keepHandle } = d;
  const onHandle = useCallback(
    (h: MapHandle | null) => {
      keepHandle(h);
      setHandle(h);
    },
    [keepHandle],
  );
  // Where reports are: a hot cluster's empty neighbours are hot by Gi* too, but say nothing new to the room.
  const hot = (frame ? replayedHotspots(frame.hotspots, d.reference.areaNames, lang) : (hotspots?.cells ?? []))
    .filter((c) => c.side === 'hot' && c.count > 0)
    .slice(0, 8);
  const scenes = useScenes(d.token, handle, {
    province: d.reference.province,
    communes: d.reference.communes,
    topHotspot: hot[0]?.cell ?? null,
  });
  if (refused || !d.token) return <NotAuthorised />;
  // A replayed moment shows the figures rebuilt from the log; live, the server's.
  const kpis = wallKpis(replay.active ? replayed : wallStats);
  const latest = frame ? latestOf(frame.reports, 8) : d.latest;
  const time = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
  return (
    <div className="wall" data-theme={d.theme}>
      {stale >= 10 && (
        <div className="wall-stale" role="alert" data-testid="wall-stale">
          {t('wall.stale').replace('{s}', String(stale))}
        </div>
      )}
      <header className="wall-head">
        <h1>{t('view.wall')}</h1>
        <span className="wall-scene" data-testid="wall-scene">
          {t(`wall.scene.${scenes.scene.kind}`)} ({scenes.index + 1}/{scenes.count})
          <button type="button" className="wall-pin" onClick={scenes.togglePin} aria-pressed={scenes.pinned}>
            {t(scenes.pinned ? 'wall.unpin' : 'wall.pin')}
          </button>
        </span>
        {!replay.active && <ReplayBar replay={replay} />}
        <span className="wall-conn" data-state={d.feed.connection}>
          {t(`conn.${d.feed.connection}`)}
        </span>
      </header>
      {replay.active && (
        <div className="wall-replay">
          <ReplayBar replay={replay} />
        </div>
      )}
      <WallKpis
        items={kpis}
        loaded={replay.active ? frame !== null : wallStats !== null}
        replayAt={replay.active ? replay.at : null}
      />
      <div className="wall-map">
        <MapScene {...sceneOf(d)} onHandle={onHandle} hotspots={marks} replay={frame} />
      </div>
      <section className="wall-hotspots" aria-label={t('wall.hotspots')}>
        <h2>{t('wall.hotspots')}</h2>
        {hot.length === 0 && <p className="wall-muted">{t('wall.noHotspots')}</p>}
        <ol>
          {hot.map((c) => (
            <li key={c.cell} data-testid="wall-hotspot">
              <span className="wall-hs-name">{c.area?.name ?? c.cell}</span>
              <span className="wall-hs-meta">
                {c.confidence} % · {c.count} · {c.pattern ? t(`wall.pattern.${c.pattern}` as 'wall.pattern.new') : '—'}
              </span>
            </li>
          ))}
        </ol>
        {(hotspots?.cooccurrence.length ?? 0) > 0 && (
          <p className="wall-cooc">
            {t('wall.cooccurrence')}: {hotspots!.cooccurrence.map((c) => c.area?.name ?? c.cell).join(', ')}
          </p>
        )}
      </section>
      <WallTrends stats={wallStats} categoryByCode={d.reference.categoryByCode} />
      <WallOverdue stats={wallStats} />
      <section className="wall-ticker" aria-label={t('wall.ticker')}>
        {latest.map((r) => (
          <span key={r.id} className="wall-tick">
            {time.format(new Date(r.createdAt))} · {categoryName(d.reference.categoryByCode[r.category], r.category)} ·{' '}
            {d.areaName(r)}
          </span>
        ))}
      </section>
    </div>
  );
}
