// The replay controls shared by /ops and /wall: period (24 h, 7 d, custom up to 7 days), play/pause, a slider to
// scrub, the speed (1×–3600×), the replayed moment, and the way back to live.
import { useState } from 'react';
import { REPLAY_SPEEDS, type Replay, type ReplayPeriod } from './use-replay.ts';
import { useReplayI18n } from './strings.ts';
import './replay.css';

const PERIODS: ReplayPeriod[] = ['24h', '7d', 'custom'];
/** datetime-local works in local time without seconds. */
const toLocalInput = (ms: number) => {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
};

export function ReplayBar({ replay }: { replay: Replay }) {
  const { r, lang } = useReplayI18n();
  const [custom, setCustom] = useState(() => ({ from: Date.now() - 2 * 86_400_000, to: Date.now() }));
  if (!replay.active)
    return (
      <button type="button" className="replay-open" data-testid="replay-toggle" onClick={() => replay.open('24h')}>
        {r('open')}
      </button>
    );
  const when = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'medium' });
  const busy = replay.loading || replay.failed;
  return (
    <section className="replay-bar" aria-label={r('title')} data-testid="replay-bar">
      <span className="replay-badge">{r('badge')}</span>
      <label>
        {r('period')}{' '}
        <select
          data-testid="replay-period"
          value={replay.period}
          onChange={(e) => {
            const p = e.target.value as ReplayPeriod;
            if (p !== 'custom') replay.open(p);
            else replay.open('custom', custom);
          }}
        >
          {PERIODS.map((p) => (
            <option key={p} value={p}>
              {r(`period.${p}`)}
            </option>
          ))}
        </select>
      </label>
      {replay.period === 'custom' && (
        <span className="replay-custom">
          {(['from', 'to'] as const).map((end) => (
            <label key={end}>
              {r(end)}{' '}
              <input
                type="datetime-local"
                value={toLocalInput(custom[end])}
                onChange={(e) => setCustom({ ...custom, [end]: new Date(e.target.value).getTime() })}
              />
            </label>
          ))}
          <button type="button" onClick={() => replay.open('custom', custom)} disabled={!(custom.to > custom.from)}>
            {r('load')}
          </button>
        </span>
      )}
      <button
        type="button"
        data-testid="replay-play"
        onClick={() => replay.setPlaying(!replay.playing)}
        disabled={busy}
        aria-pressed={replay.playing}
      >
        {r(replay.playing ? 'pause' : 'play')}
      </button>
      <input
        type="range"
        className="replay-range"
        data-testid="replay-range"
        aria-label={r('moment')}
        aria-valuetext={when.format(replay.at)}
        min={replay.from}
        max={replay.to}
        step={1000}
        value={replay.at}
        disabled={busy}
        onChange={(e) => replay.seek(Number(e.target.value))}
      />
      <label>
        {r('speed')}{' '}
        <select
          data-testid="replay-speed"
          value={replay.speed}
          onChange={(e) => replay.setSpeed(Number(e.target.value))}
        >
          {REPLAY_SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <output className="replay-time" data-testid="replay-time" data-at={replay.frame ? replay.frame.at : ''}>
        {replay.failed ? r('failed') : replay.loading ? r('loading') : when.format(replay.at)}
      </output>
      {!busy && (
        <span className="replay-muted">
          {replay.eventCount.toLocaleString(lang)} {r('events')}
        </span>
      )}
      <button type="button" className="replay-close" data-testid="replay-close" onClick={replay.close}>
        {r('close')}
      </button>
    </section>
  );
}
