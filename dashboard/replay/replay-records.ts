// Baseline rows and logged events -> the records a replay holds (report and unit states), read field by field.
import type { ReportStatus } from '../../domain/report-status.ts';
import type { UnitStatus } from '../../domain/unit-status.ts';
import type { Baseline, ReplayReport, ReplayUnit } from './replay-log.ts';

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
/** An ISO time in ms; null when absent (logs written before a field was carried) or unreadable. */
const ms = (v: unknown): number | null => {
  const t = typeof v === 'string' ? Date.parse(v) : NaN;
  return Number.isNaN(t) ? null : t;
};

/** A report as it stood at the period's start; its newest change is before every change of the period. */
export function baselineReport(r: Baseline['reports'][number]): ReplayReport {
  return {
    ...r,
    createdAt: Date.parse(r.createdAt),
    at: -1,
    responseDueAt: ms(r.responseDueAt),
    dueAt: ms(r.dueAt),
    resolvedAt: ms(r.resolvedAt),
    actedAt: ms(r.actedAt),
  };
}

/** A report after a logged change at `t`, made at `createdAt`, first acted on at `actedAt` (null: not yet). */
export function eventReport(
  id: string,
  p: Record<string, unknown>,
  t: number,
  createdAt: number,
  actedAt: number | null,
): ReplayReport {
  return {
    id,
    code: str(p.code) ?? '',
    category: str(p.category) ?? '',
    status: (str(p.status) ?? 'received') as ReportStatus,
    version: num(p.version) ?? 0,
    cell: str(p.cell),
    areaCode: str(p.areaCode),
    createdAt,
    at: t,
    responseDueAt: ms(p.responseDueAt),
    dueAt: ms(p.dueAt),
    resolvedAt: ms(p.resolvedAt),
    actedAt,
  };
}

/** A field unit after a logged change at `t`. */
export function eventUnit(p: Record<string, unknown>, t: number): ReplayUnit {
  return {
    id: String(p.unitId),
    agencyId: str(p.agencyId) ?? '',
    name: str(p.name) ?? '',
    status: (str(p.status) ?? 'off_duty') as UnitStatus,
    lat: num(p.lat),
    lng: num(p.lng),
    version: num(p.version) ?? 0,
    reportIds: Array.isArray(p.reportIds) ? p.reportIds.map(String) : [],
    at: t,
  };
}
