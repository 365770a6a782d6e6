// The SLA clock of one report: overdue (red), at risk (amber), or time left.
import type { SlaDTO } from '../../data/dispatch-types.ts';
import { formatMinutes, liveSla } from './sla.ts';
import { useDispatchI18n } from './strings.ts';

export function SlaBadge({ sla, now }: { sla: SlaDTO; now: number }) {
  const { d } = useDispatchI18n();
  const s = liveSla(sla, now);
  if (s.minutes === null) return null;
  const cls = s.overdue ? 'overdue' : s.atRisk ? 'at-risk' : 'ok';
  const label = s.overdue
    ? `${d('sla.overdue')} ${formatMinutes(s.minutes)}`
    : `${s.atRisk ? d('sla.atRisk') + ' · ' : ''}${formatMinutes(s.minutes)} ${d('sla.left')}`;
  return (
    <span
      className={`dx-sla ${cls}`}
      data-sla={cls}
      title={`${d('sla.due')} (${d(sla.phase === 'response' ? 'sla.response' : 'sla.resolution')}): ${sla.dueAt}`}
    >
      {label}
    </span>
  );
}
