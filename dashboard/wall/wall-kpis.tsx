// The wall's KPI tiles: a big value (readable from 5 m), an optional unit beside it, a label under it.
import type { WallKpiFigures } from '../replay/replay-kpis.ts';
import type { MessageKey } from '../i18n/dictionary.ts';
import { useI18n } from '../i18n/i18n.tsx';

export interface Kpi {
  label: MessageKey;
  value: number | null;
  unit?: MessageKey;
  /** Shown in the alarm colour when true (overdue reports). */
  alarm?: boolean;
}

/**
 * The tiles from the figures, live (the server's) or replayed (rebuilt from the log); null values show as "…"
 * while loading, "—" when not defined.
 */
export function wallKpis(s: WallKpiFigures | null): Kpi[] {
  const triage = s?.medianTriageMinutes ?? null;
  const inHours = triage !== null && triage >= 90;
  return [
    { label: 'wall.kpi.receivedToday', value: s ? s.receivedToday : null },
    { label: 'wall.kpi.open', value: s ? s.open : null },
    { label: 'wall.kpi.overdue', value: s ? s.overdue : null, alarm: (s?.overdue ?? 0) > 0 },
    { label: 'wall.kpi.onTime', value: s ? s.resolvedOnTimePct : null, unit: 'wall.unit.percent' },
    {
      label: 'wall.kpi.triage',
      value: triage === null ? null : inHours ? Math.round(triage / 6) / 10 : Math.round(triage),
      unit: inHours ? 'wall.unit.hours' : 'wall.unit.minutes',
    },
  ];
}

/** `replayAt`: the replayed moment the figures stand for (marked as such on the tiles), null when live. */
export function WallKpis({ items, loaded, replayAt }: { items: Kpi[]; loaded: boolean; replayAt: number | null }) {
  const { t, lang } = useI18n();
  const when = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
  return (
    <section
      className="wall-kpis"
      aria-label={t('wall.kpis')}
      data-testid="wall-kpis"
      data-mode={replayAt === null ? 'live' : 'replay'}
    >
      {replayAt !== null && (
        <p className="wall-kpis-replay" data-testid="wall-kpis-replay">
          {t('wall.kpi.replayed').replace('{t}', when.format(replayAt))}
        </p>
      )}
      {items.map((k) => (
        <div
          className="wall-kpi"
          key={k.label}
          data-testid="wall-kpi"
          data-kpi={k.label}
          data-value={k.value ?? ''}
          data-alarm={k.alarm ? 'true' : undefined}
        >
          <span className="wall-kpi-value">
            {k.value === null ? (loaded ? '—' : '…') : k.value.toLocaleString(lang)}
            {k.unit && k.value !== null && <small className="wall-kpi-unit"> {t(k.unit)}</small>}
          </span>
          <span className="wall-kpi-label">{t(k.label)}</span>
        </div>
      ))}
    </section>
  );
}
