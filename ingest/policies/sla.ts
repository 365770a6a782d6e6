// SLA as pure functions: deadlines over a working-day calendar, and the live overdue / at-risk state.
// sql/migrations/0005 has the SQL twin (sla_deadline) that stamps new reports; sla.test.ts proves they agree.
import { phaseOf, type ReportStatus } from '../../domain/report-status.ts';

export type SlaUnit = 'hours' | 'working_days';

export interface SlaCalendar {
  /** ISO weekdays that are off unless the calendar says otherwise (6 = Saturday, 7 = Sunday). */
  weekendIsoDays: ReadonlySet<number>;
  /** 'YYYY-MM-DD' -> day off (holiday) or working (a swapped Saturday). */
  days: ReadonlyMap<string, boolean>;
  /** Local time a working day ends, minutes after midnight. */
  dayEndMinutes: number;
  /** Offset of the centre's zone from UTC (Viet Nam: +420, no daylight saving). */
  utcOffsetMinutes: number;
}

const DAY_MS = 86_400_000;

export function isoDate(localMidnightMs: number): string {
  return new Date(localMidnightMs).toISOString().slice(0, 10);
}

export function isWorkingDay(day: string, cal: SlaCalendar): boolean {
  const override = cal.days.get(day);
  if (override !== undefined) return !override;
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
  return !cal.weekendIsoDays.has(dow);
}

/** hours: wall-clock; working_days: the end of the Nth working day counted from the day after `start`. */
export function slaDeadline(start: Date, amount: number, unit: SlaUnit, cal: SlaCalendar): Date {
  if (unit === 'hours') return new Date(start.getTime() + amount * 3_600_000);
  const offset = cal.utcOffsetMinutes * 60_000;
  // Work on "local midnight" instants expressed as UTC dates, so date arithmetic is plain day steps.
  let day = Math.floor((start.getTime() + offset) / DAY_MS) * DAY_MS;
  for (let n = 0, guard = 0; n < amount; guard++) {
    if (guard > 3660) throw new Error('slaDeadline: no working day within ten years');
    day += DAY_MS;
    if (isWorkingDay(isoDate(day), cal)) n++;
  }
  return new Date(day + cal.dayEndMinutes * 60_000 - offset);
}

export type SlaPhase = 'response' | 'resolution';

export interface SlaInput {
  status: ReportStatus;
  created_at: Date;
  response_due_at: Date | null;
  due_at: Date | null;
}

export interface SlaState {
  phase: SlaPhase | null;
  dueAt: Date | null;
  /** From this instant the report is at risk: the last quarter of its window. */
  atRiskAt: Date | null;
  overdue: boolean;
  atRisk: boolean;
}

export const AT_RISK_SHARE = 0.25;

/** Which deadline applies now: answering (forwarding) first, then resolving; none once resolved, closed, rejected or merged. */
export function slaState(r: SlaInput, now: Date): SlaState {
  const statusPhase = phaseOf(r.status);
  const phase: SlaPhase | null = statusPhase === 'response' || statusPhase === 'resolution' ? statusPhase : null;
  const dueAt = phase === 'response' ? r.response_due_at : phase === 'resolution' ? r.due_at : null;
  if (!phase || !dueAt) return { phase, dueAt: null, atRiskAt: null, overdue: false, atRisk: false };
  const window = Math.max(0, dueAt.getTime() - r.created_at.getTime());
  const atRiskAt = new Date(dueAt.getTime() - window * AT_RISK_SHARE);
  const overdue = now >= dueAt;
  return { phase, dueAt, atRiskAt, overdue, atRisk: !overdue && now >= atRiskAt };
}
