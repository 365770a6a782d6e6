// GET /api/v1/queue: open reports most urgent first, with filters; view=supervisor is the escalation queue.
import Router from '@koa/router';
import { listQueue } from '../../../sql/queries/dispatch-reports.ts';
import type { IngestState } from '../../context.ts';
import { presentQueueItem } from '../../presenters/dispatch-presenters.ts';
import type { QueueDTO } from '../../presenters/dto.ts';
import { canSeeStaffReport, canViewEscalations, canViewQueue } from '../../policies/permissions.ts';
import { queueQuerySchema } from '../../schemas/dispatch-input.ts';
import { parseOr422 } from '../../schemas/validate.ts';
import { authorize, requireStaff } from './guard.ts';

export const queueRouter = new Router<IngestState>({ prefix: '/api/v1' });

export const OPEN_STATUSES = ['received', 'triaged', 'reopened', 'assigned', 'in_progress', 'resolved'];

queueRouter.get('/queue', async (ctx) => {
  const { actor, deps } = ctx.state;
  const staff = requireStaff(actor);
  const q = parseOr422(queueQuerySchema, ctx.query);
  authorize(canViewQueue(actor), 'view the queue');
  if (q.view === 'supervisor') authorize(canViewEscalations(actor), 'view the escalation queue');
  const rows = await listQueue(deps.db, {
    statuses: q.status ?? OPEN_STATUSES,
    category: q.category,
    areaCode: q.commune,
    since: q.since,
    // Agency officers only ever get their agency's reports, whatever they ask for.
    agencyId: staff.role === 'agency_officer' ? (staff.agencyId ?? '-') : q.agency,
    overdueOnly: q.view === 'supervisor',
    limit: q.limit,
  });
  const now = new Date();
  const items = rows.filter((r) => canSeeStaffReport(actor, r)).map((r) => presentQueueItem(r, actor, now));
  // Overdue first, then at risk, then by deadline (the SQL order).
  const rank = (i: (typeof items)[number]) => (i.sla.overdue ? 0 : i.sla.atRisk ? 1 : 2);
  items.sort((a, b) => rank(a) - rank(b));
  ctx.body = { now: now.toISOString(), items } satisfies QueueDTO;
});
