// Replay's state rebuild, pure: the state at a period's start (baseline) plus its event log -> the state at any
// moment. Each report's (or unit's) state is the record of its newest applied change, so a slot holds an index
// into the changes. Moving forward applies only the changes in between; moving back restores the checkpoint at
// or before the target (a copy of the slots taken every `every` changes) and applies forward from there.
import type { ReportNotice } from '../../realtime/protocol.ts';
import type { UnitDTO } from '../data/dispatch-types.ts';
import { baselineReport, eventReport, eventUnit } from './replay-records.ts';

/** One event as GET /api/v1/events returns it. */
export interface LoggedEvent {
  id: string;
  kind: string;
  at: string;
  payload: Record<string, unknown>;
}

/** A report as the log knows it at some moment: its newest change's notice fields, and when it was made. */
export interface ReplayReport extends Pick<
  ReportNotice,
  'code' | 'category' | 'status' | 'version' | 'cell' | 'areaCode'
> {
  id: string;
  /** When the report was made (ms); its newest change is `at` (ms). */
  createdAt: number;
  at: number;
  /** Deadlines and resolution time after its newest change (ms; null: none, or a log written before they were carried). */
  responseDueAt: number | null;
  dueAt: number | null;
  resolvedAt: number | null;
  /** When the desk first acted on it (it left 'received'), if it has by its newest change. */
  actedAt: number | null;
}

/** The times of a report, as the API writes them (ISO strings). */
type ReportTimes = 'createdAt' | 'at' | 'responseDueAt' | 'dueAt' | 'resolvedAt' | 'actedAt';

/** A field unit as the log knows it at some moment. */
export interface ReplayUnit extends Pick<
  UnitDTO,
  'id' | 'agencyId' | 'name' | 'status' | 'lat' | 'lng' | 'version' | 'reportIds'
> {
  at: number;
}

/** The state at the period's start, as GET /api/v1/events/baseline returns it. */
export interface Baseline {
  reports: (Omit<ReplayReport, ReportTimes> & { createdAt: string } & Partial<
      Record<Exclude<ReportTimes, 'createdAt' | 'at'>, string | null>
    >)[];
  units: (Omit<ReplayUnit, 'at'> & { at: string })[];
}

interface Change {
  time: number;
  slot: number;
  version: number;
  report?: ReplayReport;
  unit?: ReplayUnit;
}

export interface ReplaySnapshot {
  at: number;
  /** How many changes are applied: equal positions mean equal states. */
  position: number;
  reports: ReplayReport[];
  units: ReplayUnit[];
}

export class ReplayLog {
  private readonly changes: Change[] = [];
  private readonly times: Float64Array;
  private readonly reportSlots = new Map<string, number>();
  private readonly unitSlots = new Map<string, number>();
  private readonly every: number;
  private readonly checkpoints: { reports: Int32Array; units: Int32Array }[] = [];
  private reports: Int32Array;
  private units: Int32Array;
  private position = 0;
  // While reading the log: each report's status so far, and when it first left 'received' (as the timeline says).
  private readonly lastStatus = new Map<string, string>();
  private readonly acted = new Map<string, number>();

  constructor(baseline: Baseline, events: readonly LoggedEvent[], options: { checkpointEvery?: number } = {}) {
    // Baseline first (before any time), then the log by time; id breaks ties (ids are taken in insert order).
    for (const r of baseline.reports) {
      const report = baselineReport(r);
      this.addReport(-Infinity, report);
      this.lastStatus.set(r.id, r.status);
      if (report.actedAt !== null) this.acted.set(r.id, report.actedAt);
    }
    for (const u of baseline.units) this.addUnit(-Infinity, { ...u, at: Date.parse(u.at) });
    const sorted = [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || Number(a.id) - Number(b.id));
    // When each report was made: the baseline knows for older ones, else its created event, else its first change.
    const created = new Map<string, number>(baseline.reports.map((r) => [r.id, Date.parse(r.createdAt)]));
    for (const e of sorted)
      if (e.kind === 'report.created' && !created.has(String(e.payload.reportId)))
        created.set(String(e.payload.reportId), Date.parse(e.at));
    for (const e of sorted) this.addEvent(e, created);
    this.times = Float64Array.from(this.changes, (c) => c.time);
    this.reports = new Int32Array(this.reportSlots.size).fill(-1);
    this.units = new Int32Array(this.unitSlots.size).fill(-1);
    this.every = options.checkpointEvery ?? Math.max(256, Math.ceil(this.changes.length / 64));
    for (let i = 0; i <= this.changes.length; i += this.every) {
      this.apply(this.position, i);
      this.checkpoints.push({ reports: this.reports.slice(), units: this.units.slice() });
    }
    this.restore(0);
  }

  get size(): number {
    return this.changes.length;
  }

  /** The state at `t` (ms): every change made at or before it. */
  seek(t: number): ReplaySnapshot {
    const target = this.upperBound(t);
    if (target < this.position) this.restore(Math.floor(target / this.every));
    this.apply(this.position, target);
    return {
      at: t,
      position: target,
      reports: this.collect(this.reports, 'report'),
      units: this.collect(this.units, 'unit'),
    };
  }

  private addReport(time: number, r: ReplayReport) {
    this.changes.push({ time, slot: this.slotOf(this.reportSlots, r.id), version: r.version, report: r });
  }

  private addUnit(time: number, u: ReplayUnit) {
    this.changes.push({ time, slot: this.slotOf(this.unitSlots, u.id), version: u.version, unit: u });
  }

  private addEvent(e: LoggedEvent, created: Map<string, number>) {
    const p = e.payload;
    const t = Date.parse(e.at);
    if (e.kind === 'report.created' || e.kind === 'report.updated') {
      const id = String(p.reportId);
      const status = typeof p.status === 'string' ? p.status : 'received';
      if (!created.has(id)) created.set(id, t);
      if (this.lastStatus.get(id) === 'received' && status !== 'received' && !this.acted.has(id)) this.acted.set(id, t);
      this.lastStatus.set(id, status);
      this.addReport(t, eventReport(id, p, t, created.get(id)!, this.acted.get(id) ?? null));
    } else if (e.kind === 'unit.updated') this.addUnit(t, eventUnit(p, t));
  }

  private slotOf(slots: Map<string, number>, id: string): number {
    let slot = slots.get(id);
    if (slot === undefined) slots.set(id, (slot = slots.size));
    return slot;
  }

  private upperBound(t: number): number {
    let lo = 0;
    let hi = this.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.times[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private restore(checkpoint: number) {
    const c = this.checkpoints[checkpoint];
    this.reports = c.reports.slice();
    this.units = c.units.slice();
    this.position = checkpoint * this.every;
  }

  /** Applies changes [from, to): a change older than the slot's version (a late commit) does not undo a newer one. */
  private apply(from: number, to: number) {
    for (let k = from; k < to; k++) {
      const c = this.changes[k];
      const slots = c.report ? this.reports : this.units;
      const current = slots[c.slot];
      if (current < 0 || this.changes[current].version <= c.version) slots[c.slot] = k;
    }
    this.position = to;
  }

  private collect<K extends 'report' | 'unit'>(slots: Int32Array, key: K): NonNullable<Change[K]>[] {
    const out: NonNullable<Change[K]>[] = [];
    for (let s = 0; s < slots.length; s++) if (slots[s] >= 0) out.push(this.changes[slots[s]][key]!);
    return out;
  }
}
