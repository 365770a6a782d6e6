// SLA flags at the console's clock: the server gives dueAt and atRiskAt, the screen only compares.
import { useEffect, useState } from 'react';
import type { SlaDTO } from '../../data/dispatch-types.ts';

export function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

export interface LiveSla {
  overdue: boolean;
  atRisk: boolean;
  minutes: number | null;
}

export function liveSla(sla: SlaDTO, now: number): LiveSla {
  if (!sla.dueAt) return { overdue: false, atRisk: false, minutes: null };
  const due = Date.parse(sla.dueAt);
  const overdue = now >= due;
  return {
    overdue,
    atRisk: !overdue && sla.atRiskAt !== null && now >= Date.parse(sla.atRiskAt),
    minutes: Math.round((due - now) / 60_000),
  };
}

export function formatMinutes(m: number): string {
  const a = Math.abs(m);
  if (a < 60) return `${a}′`;
  if (a < 48 * 60) return `${Math.floor(a / 60)}h${String(a % 60).padStart(2, '0')}`;
  return `${Math.round(a / 1440)}d`;
}

/** Overdue first, then at risk, then by deadline: the server's order, kept as the clock moves. */
export function urgencyOrder<T extends { sla: SlaDTO; id: string }>(items: T[], now: number): T[] {
  const rank = (i: T) => {
    const s = liveSla(i.sla, now);
    return s.overdue ? 0 : s.atRisk ? 1 : 2;
  };
  const due = (i: T) => (i.sla.dueAt ? Date.parse(i.sla.dueAt) : Number.POSITIVE_INFINITY);
  return [...items].sort((a, b) => rank(a) - rank(b) || due(a) - due(b) || Number(a.id) - Number(b.id));
}
