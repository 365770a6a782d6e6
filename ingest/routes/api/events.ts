// GET /api/v1/events?from&to: the event log of a period (up to 7 days), paginated, for replay on /ops and the wall.
// Province-wide staff only; each payload is rebuilt field by field (no reporter contact exists in the log anyway).
import Router from '@koa/router';
import { z } from 'zod';
import {
  eventsBetween,
  reportStatesAt,
  unitStatesAt,
  type HistoryEventRow,
} from '../../../sql/queries/event-history.ts';
import type { IngestState } from '../../context.ts';
import { canReplayEvents } from '../../policies/permissions.ts';
import { fieldIssue, reasons } from '../../../domain/errors.ts';
import { invalidFields, parseOr422 } from '../../schemas/validate.ts';
import { authorize, requireStaff } from './guard.ts';

export const eventsRouter = new Router<IngestState>({ prefix: '/api/v1' });

const MAX_SPAN_MS = 7 * 86_400_000;

/** Paging of both reads: the `next` of the previous page (an id), and the page size. */
const paging = {
  after: z
    .string()
    .regex(/^\d{1,18}$/)
    .default('0'),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
};

export const eventsQuerySchema = z
  .object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }), ...paging })
  .strict();

const pick = (p: Record<string, unknown>, keys: readonly string[]) =>
  Object.fromEntries(keys.map((k) => [k, p[k] ?? null]));

/** A report event's fields: the deadlines and resolution time let a replay count overdue and on-time reports. */
const REPORT_FIELDS = [
  'reportId',
  'code',
  'category',
  'status',
  'version',
  'cell',
  'areaCode',
  'agencyId',
  'responseDueAt',
  'dueAt',
  'resolvedAt',
  'at',
];

/** Kinds a replay rebuilds the screens from, and the fields each may carry out. */
const FIELDS: Record<string, readonly string[]> = {
  'report.created': REPORT_FIELDS,
  'report.updated': REPORT_FIELDS,
  'unit.updated': ['unitId', 'agencyId', 'name', 'status', 'lat', 'lng', 'version', 'reportIds', 'at'],
  hotspot: [
    'change',
    'cell',
    'res',
    'category',
    'categories',
    'confidence',
    'z',
    'count',
    'areaCode',
    'areaName',
    'at',
  ],
};
const KINDS = Object.keys(FIELDS);

export const baselineQuerySchema = z.object({ at: z.iso.datetime({ offset: true }), ...paging }).strict();

const present = (e: HistoryEventRow) => ({
  id: e.id,
  kind: e.kind,
  at: e.created_at.toISOString(),
  payload: pick(e.payload, FIELDS[e.kind]),
});

eventsRouter.get('/events', async (ctx) => {
  authorize(canReplayEvents(requireStaff(ctx.state.actor)), 'replay the event log');
  const q = parseOr422(eventsQuerySchema, ctx.query);
  const from = new Date(q.from);
  const to = new Date(q.to);
  if (to <= from) throw invalidFields([fieldIssue('to', reasons.mustBeAfter('from'))]);
  if (to.getTime() - from.getTime() > MAX_SPAN_MS)
    throw invalidFields([fieldIssue('to', reasons.atMostDaysAfter({ days: 7, other: 'from' }))]);
  const rows = await eventsBetween(ctx.state.deps.db, { from, to, afterId: q.after, kinds: KINDS, limit: q.limit });
  ctx.set('Cache-Control', 'no-store');
  ctx.body = {
    from: from.toISOString(),
    to: to.toISOString(),
    events: rows.map(present),
    next: rows.length === q.limit ? rows[rows.length - 1].id : null,
  };
});

/**
 * Where a replay starts: every report's state before `at` (paged), with when the desk first acted on it (the
 * time-to-triage KPI), and on the first page every unit's.
 */
eventsRouter.get('/events/baseline', async (ctx) => {
  authorize(canReplayEvents(requireStaff(ctx.state.actor)), 'replay the event log');
  const q = parseOr422(baselineQuerySchema, ctx.query);
  const at = new Date(q.at);
  const db = ctx.state.deps.db;
  const rows = await reportStatesAt(db, { at, afterId: q.after, limit: q.limit });
  const units = q.after === '0' ? await unitStatesAt(db, at) : [];
  const report = FIELDS['report.created'].filter((f) => f !== 'reportId' && f !== 'at');
  ctx.set('Cache-Control', 'no-store');
  ctx.body = {
    at: at.toISOString(),
    reports: rows.map((r) => ({
      id: r.report_id,
      ...pick(r.payload, report),
      createdAt: r.made_at.toISOString(),
      actedAt: r.acted_at?.toISOString() ?? null,
    })),
    units: units.map((u) => ({
      id: u.payload.unitId,
      ...pick(
        u.payload,
        FIELDS['unit.updated'].filter((f) => f !== 'unitId' && f !== 'at'),
      ),
      at: u.created_at.toISOString(),
    })),
    next: rows.length === q.limit ? rows[rows.length - 1].report_id : null,
  };
});
