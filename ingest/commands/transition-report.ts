// transitionReport: one move in the workflow table, with its timeline entry and its event, in one transaction.
import { withTransaction, type Db, type Tx } from '../../sql/db.ts';
import {
  appendTimeline,
  lockReport,
  updateReportStatus,
  type DispatchReportRow,
} from '../../sql/queries/dispatch-reports.ts';
import { lockUnit, releaseAssignment, updateUnit, type UnitRow } from '../../sql/queries/units.ts';
import { errors, type DomainError } from '../../domain/errors.ts';
import { decideTransition, type Decision } from '../policies/permissions.ts';
import type { ReportStatus } from '../../domain/report-status.ts';
import type { UnitStatus } from '../../domain/unit-status.ts';
import type { Actor, StaffActor } from '../policies/roles.ts';
import { appendChangeEvents, timelineActor } from './change-events.ts';
import { staffCommand } from './command.ts';

export interface TransitionInput {
  reportId: string;
  to: ReportStatus;
  reason?: string;
  note?: string;
  publicReply?: string;
  /** When given, the move applies only to this version: a stale console gets 409 instead of overwriting. */
  expectedVersion?: number;
}

export const decisionError = (d: Exclude<Decision, { ok: true }>): DomainError => d.error;

export async function lockedReportOr404(tx: Tx, id: string): Promise<DispatchReportRow> {
  const row = await lockReport(tx, id);
  if (!row) throw errors.notFound('report');
  return row;
}

/** The unit follows the report: on scene while in progress, free again once the report leaves its hands. */
const UNIT_STATUS_AFTER: Record<string, UnitStatus | 'release'> = {
  in_progress: 'on_scene',
  resolved: 'release',
  triaged: 'release',
  closed: 'release',
};

export const transitionReport = staffCommand('act_as_staff', runTransitionReport);
async function runTransitionReport(
  db: Db,
  actor: StaffActor,
  input: TransitionInput,
  sensitive: ReadonlySet<string>,
): Promise<DispatchReportRow> {
  return withTransaction(db, async (tx) => {
    const before = await lockedReportOr404(tx, input.reportId);
    const { after, units } = await applyTransition(tx, actor, before, input);
    await appendChangeEvents(tx, sensitive, [after], units);
    return after;
  });
}

/** One move of a report already locked in `tx`: status, unit, timeline. The caller appends the events. */
export async function applyTransition(
  tx: Tx,
  actor: Actor,
  before: DispatchReportRow,
  input: Omit<TransitionInput, 'reportId'>,
): Promise<{ after: DispatchReportRow; units: UnitRow[] }> {
  const decision = decideTransition(actor, before, input, new Date());
  if (!decision.ok) throw decisionError(decision);
  if (input.expectedVersion !== undefined && input.expectedVersion !== before.version) {
    throw errors.staleVersion(before.version);
  }
  const staff = actor as StaffActor;
  const units: UnitRow[] = [];
  const unitStep = UNIT_STATUS_AFTER[input.to];
  if (unitStep && before.unit_id) {
    if (unitStep === 'release') await releaseAssignment(tx, before.id);
    if (await lockUnit(tx, before.unit_id))
      units.push(await updateUnit(tx, before.unit_id, { status: unitStep === 'release' ? 'available' : unitStep }));
  }
  const after = await updateReportStatus(tx, before.id, {
    status: input.to,
    rejectReason: input.to === 'rejected' ? input.reason : null,
    resolvedAt: input.to === 'resolved' ? 'now' : null,
    restartSla: input.to === 'reopened',
  });
  await appendTimeline(tx, {
    reportId: before.id,
    ...timelineActor(staff),
    from: before.status,
    to: input.to,
    reason: input.reason ?? null,
    internalNote: input.note ?? null,
    publicReply: input.publicReply ?? null,
    unitId: before.unit_id,
  });
  return { after, units };
}
