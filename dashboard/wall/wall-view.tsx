// /wall: the command centre's wall, read from 5 m on 1920×1080 to 3840×2160 (every size scales with the
// viewport). KPI tiles, the hot spots with their communes, a live ticker, the map. Opened with a wall token
// (?token=wall_…); an unknown or revoked one shows only "not authorised"; a cut feed shows a large stale banner.
import { useCallback, useState } from 'react';
import { NotAuthorised } from '../components/not-authorised.tsx';
import type { MapHandle } from '../map/map-view.tsx';
import { useTokenRefused } from '../data/use-token-refused.ts';
import { ANSWERED_STATUSES, statusesIn } from '../../domain/report-status.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { MapScene } from '../views/map-scene.tsx';
import { useDashboard } from '../views/use-dashboard.ts';
import { useStaleSeconds } from './use-stale-since.ts';
import { useWallHotspots } from './use-wall-hotspots.ts';
import { useScenes } from './use-scenes.ts';
import { REPLAY_SPEEDS, useReplay } from './use-replay.ts';
import './wall.css';

const OPEN = statusesIn('response', 'resolution');
const DONE = [...ANSWERED_STATUSES];
const sum = (by: Record<string, number>, keys: string[]) => keys.reduce((n, k) => n + (by[k] ?? 0), 0);

export function WallView() {
  const d = useDashboard({ useToken: true, listSize: 8 });
  const { t, lang, categoryName } = useI18n();
  const refused = useTokenRefused(d.token, d.feed.audience);
  const hotspots = useWallHotspots(d.token, d.feed.noticeCount);
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
  const hot = (hotspots?.cells ?? []).filter((c) => c.side === 'hot' && c.count > 0).slice(0, 8);
  const scenes = useScenes(d.token, handle, {
    province: d.reference.province,
    communes: d.reference.communes,
    topHotspot: hot[0]?.cell ?? null,
  });
  const replay = useReplay(d.token);
  if (refused || !d.token) return <NotAuthorised />;
  const loaded = d.feed.state.loaded;
  const rc = replay.active ? replay.counts : null;
  const kpis: [string, number | null][] = replay.active
    ? [
        ['wall.kpi.replayReceived', rc?.received ?? null],
        ['wall.kpi.open', rc?.open ?? null],
        ['wall.kpi.resolved', rc?.resolved ?? null],
        ['wall.kpi.replayHotspots', rc?.hotspots ?? null],
      ]
    : [
        ['wall.kpi.last24h', loaded ? d.stats.last24h : null],
        ['wall.kpi.open', loaded ? sum(d.stats.byStatus, OPEN) : null],
        ['wall.kpi.resolved', loaded ? sum(d.stats.byStatus, DONE) : null],
        ['wall.kpi.total', loaded ? d.stats.total : null],
      ];
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
        <button type="button" className="wall-pin" data-testid="wall-replay-toggle" onClick={replay.toggle}>
          {t(replay.active ? 'wall.replay.stop' : 'wall.replay')}
        </button>
        <span className="wall-conn" data-state={d.feed.connection}>
          {t(`conn.${d.feed.connection}`)}
        </span>
      </header>
      {replay.active && (
        <section className="wall-replay" aria-label={t('wall.replay')}>
          <button type="button" onClick={() => replay.setPlaying(!replay.playing)} disabled={replay.loading}>
            {t(replay.playing ? 'wall.replay.pause' : 'wall.replay.play')}
          </button>
          <input
            type="range"
            data-testid="wall-replay-range"
            aria-label={t('wall.replay')}
            min={replay.from}
            max={replay.to}
            step={1000}
            value={replay.at}
            disabled={replay.loading}
            onChange={(e) => replay.seek(Number(e.target.value))}
          />
          <select
            aria-label={t('wall.replay.speed')}
            value={replay.speed}
            onChange={(e) => replay.setSpeed(Number(e.target.value))}
          >
            {REPLAY_SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
          <span data-testid="wall-replay-time" data-at={replay.at}>
            {replay.loading ? '…' : new Date(replay.at).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')}
          </span>
        </section>
      )}
      <section className="wall-kpis" aria-label={t('wall.kpis')}>
        {kpis.map(([label, value]) => (
          <div className="wall-kpi" key={label} data-testid="wall-kpi">
            <span className="wall-kpi-value">{value === null ? '…' : value.toLocaleString(lang)}</span>
            <span className="wall-kpi-label">{t(label as 'wall.kpi.open')}</span>
          </div>
        ))}
      </section>
      <div className="wall-map">
        <MapScene
          reports={d.reports}
          token={d.token}
          noticeCount={d.feed.noticeCount}
          reference={d.reference}
          theme={d.theme}
          areaName={d.areaName}
          selectedId={d.selectedId}
          onSelect={d.select}
          onHandle={onHandle}
        />
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
      <section className="wall-ticker" aria-label={t('wall.ticker')}>
        {d.latest.map((r) => (
          <span key={r.id} className="wall-tick">
            {time.format(new Date(r.createdAt))} · {categoryName(d.reference.categoryByCode[r.category], r.category)} ·{' '}
            {d.areaName(r)}
          </span>
        ))}
      </section>
    </div>
  );
}
