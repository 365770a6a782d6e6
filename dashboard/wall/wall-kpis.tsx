// The wall's KPI tiles: a big value (readable from 5 m), an optional unit beside it, a label under it.
import { ANSWERED_STATUSES, statusesIn } from '../../domain/report-status.ts';
import type { StatsDTO, WallStatsDTO } from '../../ingest/presenters/dto.ts';
import type { MessageKey } from '../i18n/dictionary.ts';
import { useI18n } from '../i18n/i18n.tsx';

export interface Kpi {
  label: MessageKey;
  value: number | null;
  unit?: MessageKey;
  /** Shown in the alarm colour when true (overdue reports). */
  alarm?: boolean;
}

/** The live tiles from the server's figures; null values show as "…" while loading, "—" when not defined. */
export function liveKpis(s: WallStatsDTO | null): Kpi[] {
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

const OPEN = statusesIn('response', 'resolution');
const sum = (by: Record<string, number>, keys: readonly string[]) => keys.reduce((n, k) => n + (by[k] ?? 0), 0);

/** The tiles of a replayed moment: what the event log can rebuild (received in the 24 h before it, open, resolved). */
export function replayedKpis(s: StatsDTO | null): Kpi[] {
  return [
    { label: 'wall.kpi.last24h', value: s ? s.last24h : null },
    { label: 'wall.kpi.open', value: s ? sum(s.byStatus, OPEN) : null },
    { label: 'wall.kpi.resolved', value: s ? sum(s.byStatus, ANSWERED_STATUSES) : null },
    { label: 'wall.kpi.total', value: s ? s.total : null },
  ];
}

export function WallKpis({ items, loaded }: { items: Kpi[]; loaded: boolean }) {
  const { t, lang } = useI18n();
  return (
    <section className="wall-kpis" aria-label={t('wall.kpis')}>
      {items.map((k) => (
        <div className="wall-kpi" key={k.label} data-testid="wall-kpi" data-alarm={k.alarm ? 'true' : undefined}>
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
