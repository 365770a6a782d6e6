// The alert clock: scheduled alerts publish themselves when their time comes, and expired ones are announced
// once, so live screens drop them. Safe on several servers at once (rows are locked and skipped).
import { withTransaction, type Db } from '../../sql/db.ts';
import { takeDueExpiries, takeDueScheduled } from '../../sql/queries/alerts.ts';
import { alertEventPayload, appendAlertEvent, sendOut } from './alert-events.ts';
import { openCommand } from './command.ts';
import { startRepeatingJob } from '../repeating-job.ts';

export const sweepAlerts = openCommand('system', runSweepAlerts);
async function runSweepAlerts(db: Db, now = new Date()): Promise<{ published: number; expired: number }> {
  return withTransaction(db, async (tx) => {
    const due = await takeDueScheduled(tx, now);
    for (const row of due) await sendOut(tx, row, now);
    const expired = await takeDueExpiries(tx, now);
    for (const row of expired) await appendAlertEvent(tx, alertEventPayload(row, 'expired', now));
    return { published: due.length, expired: expired.length };
  });
}

/** Runs the sweep every `intervalMs`, one run at a time. */
export function startAlertSweeper(db: Db, opts: { intervalMs?: number; onError?: (e: unknown) => void } = {}) {
  return startRepeatingJob(() => sweepAlerts(db), opts.intervalMs ?? 1000, opts.onError);
}
