// Bulk triage, bulk reject and bulk merge from the queue: all or nothing, in one transaction with one event per change.
import { withTransaction, type Db } from '../../sql/db.ts';
import type { DispatchReportRow } from '../../sql/queries/dispatch-reports.ts';
import type { UnitRow } from '../../sql/queries/units.ts';
import { DomainError, errors } from '../../domain/errors.ts';
import type { StaffActor } from '../policies/roles.ts';
import { canonicalId, lockInIdOrder, mergeLocked } from './merge-into-incident.ts';
import { appendChangeEvents } from './change-events.ts';
import { applyTransition } from './transition-report.ts';
import { staffCommand } from './command.ts';

export interface BulkTransitionInput {
  ids: string[];
  to: 'triaged' | 'rejected';
  reason?: string;
  note?: string;
}

/** Runs `step` per report; the first refusal aborts the whole batch and names the report it came from. */
async function eachOrAbort<T>(ids: string[], step: (id: string) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (const [i, id] of ids.entries()) {
    try {
      out.push(await step(id));
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      throw errors.bulkItemFailed({ id, index: i, cause: e });
    }
  }
  return out;
}

export const bulkTransition = staffCommand('act_as_staff', runBulkTransition);
async function runBulkTransition(
  db: Db,
  actor: StaffActor,
  input: BulkTransitionInput,
  sensitive: ReadonlySet<string>,
): Promise<DispatchReportRow[]> {
  const ids = [...new Set(input.ids.map(canonicalId))];
  return withTransaction(db, async (tx) => {
    const locked = await lockInIdOrder(tx, ids);
    const units: UnitRow[] = [];
    const rows = await eachOrAbort(ids, async (id) => {
      const { after, units: moved } = await applyTransition(tx, actor, locked.get(id)!, {
        to: input.to,
        reason: input.reason,
        note: input.note,
      });
      units.push(...moved);
      return after;
    });
    await appendChangeEvents(tx, sensitive, rows, units);
    return rows;
  });
}

export const bulkMerge = staffCommand('merge_reports', runBulkMerge);
async function runBulkMerge(
  db: Db,
  actor: StaffActor,
  input: { ids: string[]; into: string; note?: string },
  sensitive: ReadonlySet<string>,
): Promise<{ reports: DispatchReportRow[]; primary: DispatchReportRow }> {
  const staff = actor;
  const into = canonicalId(input.into);
  const ids = [...new Set(input.ids.map(canonicalId))];
  return withTransaction(db, async (tx) => {
    await lockInIdOrder(tx, [...ids, into]);
    const latest = new Map<string, DispatchReportRow>();
    const merged = await eachOrAbort(ids, async (id) => {
      const { report, primary, changed } = await mergeLocked(tx, staff, {
        reportId: id,
        intoReportId: into,
        note: input.note,
      });
      for (const r of changed) latest.set(r.id, r);
      return { report, primary };
    });
    await appendChangeEvents(tx, sensitive, [...latest.values()]);
    return { reports: merged.map((m) => m.report), primary: merged[merged.length - 1].primary };
  });
}
