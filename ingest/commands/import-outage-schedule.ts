// Imports a cut schedule as scheduled outage alerts: all rows are checked first (a 422 names each bad
// one, nothing written), then each becomes an alert that publishes itself `leadMinutes` before the cut
// (at once when that time has passed) and expires when the cut ends.
import type { Db } from '../../sql/db.ts';
import { communeNames, type AlertRow } from '../../sql/queries/alerts.ts';
import { parseOutageSchedule } from '../alerts/outage-schedule.ts';
import { errors } from '../../domain/errors.ts';
import type { StaffActor } from '../policies/roles.ts';
import { composeAlert } from './compose-alert.ts';
import { staffCommand } from './command.ts';

export const importOutageSchedule = staffCommand('publish_alerts', runImportOutageSchedule);
async function runImportOutageSchedule(
  db: Db,
  actor: StaffActor,
  req: { csv: string; utility: 'power' | 'water'; leadMinutes: number },
  now = new Date(),
): Promise<AlertRow[]> {
  const { outages, issues } = parseOutageSchedule(req.csv, await communeNames(db), { ...req, now });
  if (issues.length) throw errors.invalidSchedule(issues);
  const created: AlertRow[] = [];
  for (const o of outages)
    created.push(
      await composeAlert(db, actor, o.input, { publishAt: o.publishAt, source: `schedule:${req.utility}`, now }),
    );
  return created;
}
