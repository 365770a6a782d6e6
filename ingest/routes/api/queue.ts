// GET /api/v1/queue: the open reports as pages with an exact total; sort, search, filters; view=supervisor is the escalation queue.
import Router from '@koa/router';
import { OPEN_STATUSES } from '../../../domain/report-status.ts';
import { scopeOfRole } from '../../../domain/roles.ts';
import type { Context } from 'koa';
import type { z } from 'zod';
import { readQueuePage, type QueueCursor, type QueuePageFilter } from '../../../sql/queries/queue-page.ts';
import type { IngestState } from '../../context.ts';
import { errors } from '../../../domain/errors.ts';
import { presentQueueItem } from '../../presenters/dispatch-presenters.ts';
import type { QueueDTO } from '../../presenters/dto.ts';
import { canViewEscalations, canViewQueue } from '../../policies/permissions.ts';
import type { Actor } from '../../policies/roles.ts';
import { queueFilterSchema, queueQuerySchema } from '../../schemas/dispatch-input.ts';
import { parseOr422 } from '../../schemas/validate.ts';
import { authorize, requireStaff } from './guard.ts';

export const queueRouter = new Router<IngestState>({ prefix: '/api/v1' });

/** The caller's filters narrowed to the caller's remit: agency officers see their agency, field officers their unit. */
export function queueFilterFor(actor: Actor, q: z.infer<typeof queueFilterSchema>): Omit<QueuePageFilter, 'limit'> {
  const staff = requireStaff(actor);
  authorize(canViewQueue(actor), 'view the queue');
  if (q.view === 'supervisor') authorize(canViewEscalations(actor), 'view the escalation queue');
  return {
    statuses: q.status ?? [...OPEN_STATUSES],
    category: q.category,
    areaCode: q.commune,
    channel: q.channel,
    since: q.since,
    search: q.q,
    sort: q.sort,
    agencyId: scopeOfRole(staff.role) === 'agency' ? (staff.agencyId ?? '-') : q.agency,
    unitId: scopeOfRole(staff.role) === 'unit' ? (staff.unitId ?? '-') : undefined,
    overdueOnly: q.view === 'supervisor',
  };
}

const badCursor = () => errors.badCursor();

export function encodeCursor(c: QueueCursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

export function decodeCursor(raw: string, sort: string): QueueCursor {
  let c: QueueCursor;
  try {
    c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as QueueCursor;
  } catch {
    throw badCursor();
  }
  const ok =
    c?.sort === sort &&
    Array.isArray(c.keys) &&
    c.keys.every((k) => typeof k === 'string' && k.length < 64) &&
    /^\d{1,18}$/.test(String(c.id)) &&
    /^\d{1,18}$/.test(String(c.asOf));
  if (!ok) throw badCursor();
  return c;
}

queueRouter.get('/queue', async (ctx: Context & { state: IngestState }) => {
  const { actor, deps } = ctx.state;
  const q = parseOr422(queueQuerySchema, ctx.query);
  const filter = queueFilterFor(actor, q);
  const after = q.cursor ? decodeCursor(q.cursor, q.sort) : undefined;
  const page = await readQueuePage(deps.db, { ...filter, limit: q.limit, after }).catch(
    (e: Error & { code?: string }) => {
      // A forged cursor whose keys do not cast is the caller's mistake, not ours.
      throw after && /^22/.test(e.code ?? '') ? badCursor() : e;
    },
  );
  const now = new Date();
  ctx.body = {
    now: now.toISOString(),
    items: page.rows.map((r) => presentQueueItem(r, actor, now)),
    total: page.total,
    nextCursor: page.next ? encodeCursor(page.next) : null,
  } satisfies QueueDTO;
});
