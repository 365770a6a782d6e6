// What the reporter (proved by the tracking secret) may do once the agency has answered: rate, reopen, confirm.
// Each owns its transaction; status changes go through the timeline and the event log like staff moves.
import { withTransaction, type Db, type Tx } from '../../sql/db.ts';
import { appendTimeline, updateReportStatus } from '../../sql/queries/dispatch-reports.ts';
import { findTrackedReport, upsertRating, type TrackedReportRow } from '../../sql/queries/track.ts';
import { trackingSecretMatches } from '../citizen/secrets.ts';
import { errors } from '../../domain/errors.ts';
import { followedStatus, reopenUntil } from '../presenters/track-presenter.ts';
import { appendChangeEvents } from './change-events.ts';
import { openCommand } from './command.ts';

const REPORTER = { actorId: null, actorName: 'Người phản ánh', actorRole: 'reporter' };

/** Locks the report by code and checks the secret: 404 unknown, 403 wrong secret. */
async function lockedForReporter(tx: Tx, code: string, secret: string): Promise<TrackedReportRow> {
  const report = await findTrackedReport(tx, code, true);
  if (!report) throw errors.noReportWithCode(code);
  if (!trackingSecretMatches(secret, report.tracking_secret_hash)) throw errors.wrongSecret();
  return report;
}

export const rateResolution = openCommand('tracking_secret', runRateResolution);
async function runRateResolution(
  db: Db,
  code: string,
  input: { secret: string; stars: number; comment?: string },
): Promise<void> {
  await withTransaction(db, async (tx) => {
    const r = await lockedForReporter(tx, code, input.secret);
    const status = followedStatus(r);
    if (status !== 'resolved' && status !== 'closed') throw errors.notResolvedToRate();
    await upsertRating(tx, r.id, { stars: input.stars, comment: input.comment?.trim() || null });
  });
}

/** Back to the dispatch queue with the reporter's reason, within 7 days of the resolution. */
export const reopenByReporter = openCommand('tracking_secret', runReopenByReporter);
async function runReopenByReporter(
  db: Db,
  code: string,
  input: { secret: string; reason: string },
  sensitive: ReadonlySet<string>,
): Promise<void> {
  await withTransaction(db, async (tx) => {
    const r = await lockedForReporter(tx, code, input.secret);
    if (r.status === 'merged') throw errors.reopenMerged();
    const until = reopenUntil(r);
    if (!until || Date.now() > until.getTime()) throw errors.reporterReopenWindowPassed();
    const after = await updateReportStatus(tx, r.id, { status: 'reopened', restartSla: true });
    await appendTimeline(tx, {
      reportId: r.id,
      ...REPORTER,
      from: r.status,
      to: 'reopened',
      reason: input.reason.trim(),
    });
    await appendChangeEvents(tx, sensitive, [after]);
  });
}

/** The reporter says it is fixed: resolved -> closed. */
export const confirmByReporter = openCommand('tracking_secret', runConfirmByReporter);
async function runConfirmByReporter(
  db: Db,
  code: string,
  input: { secret: string },
  sensitive: ReadonlySet<string>,
): Promise<void> {
  await withTransaction(db, async (tx) => {
    const r = await lockedForReporter(tx, code, input.secret);
    if (r.status !== 'resolved') throw errors.notResolvedToConfirm();
    const after = await updateReportStatus(tx, r.id, { status: 'closed' });
    await appendTimeline(tx, { reportId: r.id, ...REPORTER, from: r.status, to: 'closed' });
    await appendChangeEvents(tx, sensitive, [after]);
  });
}
