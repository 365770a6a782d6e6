// /api/v1/alerts: official alerts. Reading is public (JSON, CAP 1.2, Atom); composing, approving,
// updating and cancelling need the alert_publisher permission.
import Router from '@koa/router';
import type { Context } from 'koa';
import {
  capSender,
  communeNames,
  getAlert,
  listActiveAlerts,
  listRecentAlerts,
  type AlertRow,
} from '../../../sql/queries/alerts.ts';
import { readReach } from '../../../sql/queries/push.ts';
import { presentReach, reachCsv } from '../../presenters/alert-reach.ts';
import { approveAlert } from '../../commands/approve-alert.ts';
import { cancelAlert } from '../../commands/cancel-alert.ts';
import { composeAlert } from '../../commands/compose-alert.ts';
import type { IngestState } from '../../context.ts';
import { errors } from '../../../domain/errors.ts';
import { canPublishAlerts, canSeeAlert } from '../../policies/alerts.ts';
import { alertToCap, alertsToAtom } from '../../presenters/alert-cap.ts';
import { presentAlert } from '../../presenters/alert-presenter.ts';
import { alertInputSchema, cancelAlertSchema, outageImportSchema } from '../../schemas/alert-input.ts';
import { importOutageSchedule } from '../../commands/import-outage-schedule.ts';
import { parseOr422 } from '../../schemas/validate.ts';
import { readDbFor } from '../../public-reads.ts';
import { authorize, idParam, notFound, permittedTo, requireStaff } from './guard.ts';

export const alertsRouter = new Router<IngestState>({ prefix: '/api/v1/alerts' });

type Ctx = Context & { state: IngestState };

// A publisher who writes then reads the list sees the write: the shared public answer is dropped after each one.
alertsRouter.use(async (ctx, next) => {
  await next();
  if (ctx.method === 'POST') ctx.state.deps.screenAnswers.alerts.forget();
});

/** Reads of the alert desk; the writes are commands that authorise themselves. */
function publisher(ctx: Ctx) {
  const actor = requireStaff(ctx.state.actor);
  authorize(canPublishAlerts(actor), 'publish alerts (alert_publisher)');
  return actor;
}

function bboxQuery(ctx: Ctx): [number, number, number, number] | undefined {
  const raw = ctx.query.bbox;
  if (raw === undefined) return undefined;
  const parts = String(raw).split(',').map(Number);
  if (parts.length !== 4 || !parts.every(Number.isFinite) || parts[0] >= parts[2] || parts[1] >= parts[3])
    throw errors.invalidBbox();
  return parts as [number, number, number, number];
}

async function visibleAlert(ctx: Ctx, id: string): Promise<AlertRow> {
  const row = await getAlert(readDbFor(ctx.state), id);
  if (!row || !canSeeAlert(ctx.state.actor, row)) throw notFound('alert');
  return row;
}

alertsRouter.get('/', async (ctx) => {
  const bbox = bboxQuery(ctx);
  const desk = canPublishAlerts(ctx.state.actor);
  const db = readDbFor(ctx.state);
  const answer = async () => ({ alerts: (await listActiveAlerts(db, bbox)).map((r) => presentAlert(r, desk)) });
  ctx.set('Cache-Control', 'no-store');
  // The public's reads run on their own pool, and a burst of screens reloading after one notice shares one query.
  ctx.body = desk || bbox ? await answer() : await ctx.state.deps.screenAnswers.alerts.get('active', answer);
});

// Before '/:id': koa-router matches in order, and 'alerts.atom' is not an id.
alertsRouter.get('.atom', async (ctx) => {
  const rows = await listActiveAlerts(readDbFor(ctx.state));
  ctx.type = 'application/atom+xml; charset=utf-8';
  ctx.body = alertsToAtom(rows, `${ctx.protocol}://${ctx.host}`, new Date());
});

alertsRouter.get('/desk', async (ctx) => {
  publisher(ctx);
  ctx.body = { alerts: (await listRecentAlerts(ctx.state.deps.db)).map((r) => presentAlert(r, true)) };
});

alertsRouter.get('/:file', async (ctx, next) => {
  const m = /^(\d{1,18})\.cap$/.exec((ctx.params as { file: string }).file);
  if (!m) {
    await next();
    return;
  }
  const row = await visibleAlert(ctx, m[1]);
  const db = readDbFor(ctx.state);
  const referenced = row.references_id ? await getAlert(db, row.references_id) : null;
  ctx.type = 'application/cap+xml; charset=utf-8';
  ctx.body = alertToCap(row, { sender: await capSender(db), referenced });
});

alertsRouter.get('/:id', async (ctx) => {
  ctx.body = presentAlert(await visibleAlert(ctx, idParam(ctx)), canPublishAlerts(ctx.state.actor));
});

async function reachOf(ctx: Ctx) {
  publisher(ctx);
  const row = await visibleAlert(ctx, idParam(ctx));
  const { db, geocoder } = ctx.state.deps;
  const names = new Map((await communeNames(db)).map((c) => [c.code, c.full_name]));
  return { row, lines: presentReach(await readReach(db, row.id), geocoder, names) };
}

// The reach audit, for publishers: JSON, and CSV for the province's report after a storm.
alertsRouter.get('/:id/reach', async (ctx) => {
  const { row, lines } = await reachOf(ctx);
  ctx.body = { alertId: row.id, sentAt: row.sent_at?.toISOString() ?? null, lines };
});

alertsRouter.get('/:id/reach.csv', async (ctx) => {
  const { row, lines } = await reachOf(ctx);
  ctx.type = 'text/csv; charset=utf-8';
  ctx.attachment(`canh-bao-${row.id}-pham-vi.csv`);
  ctx.body = reachCsv(lines);
});

alertsRouter.post('/', async (ctx) => {
  const actor = permittedTo(ctx.state.actor, composeAlert);
  const input = parseOr422(alertInputSchema, ctx.request.body);
  const row = await composeAlert(ctx.state.deps.db, actor, input);
  ctx.status = 201;
  ctx.body = { id: row.id, state: row.state, capUrl: `/api/v1/alerts/${row.id}.cap` };
});

// A utility's cut schedule -> scheduled outage alerts (publish themselves at the lead time, expire at the end).
alertsRouter.post('/outages', async (ctx) => {
  const actor = permittedTo(ctx.state.actor, importOutageSchedule);
  const input = parseOr422(outageImportSchema, ctx.request.body);
  const rows = await importOutageSchedule(ctx.state.deps.db, actor, input);
  ctx.status = 201;
  ctx.body = {
    alerts: rows.map((r) => ({ id: r.id, state: r.state, publishAt: r.publish_at?.toISOString() ?? null })),
  };
});

alertsRouter.post('/:id/update', async (ctx) => {
  const actor = permittedTo(ctx.state.actor, composeAlert);
  const id = idParam(ctx);
  const input = parseOr422(alertInputSchema, ctx.request.body);
  const row = await composeAlert(ctx.state.deps.db, actor, input, { updates: id });
  ctx.status = 201;
  ctx.body = { id: row.id, state: row.state, references: id, capUrl: `/api/v1/alerts/${row.id}.cap` };
});

alertsRouter.post('/:id/approve', async (ctx) => {
  const actor = permittedTo(ctx.state.actor, approveAlert);
  const row = await approveAlert(ctx.state.deps.db, actor, idParam(ctx));
  ctx.body = { id: row.id, state: row.state };
});

alertsRouter.post('/:id/cancel', async (ctx) => {
  const actor = permittedTo(ctx.state.actor, cancelAlert);
  const { note } = parseOr422(cancelAlertSchema, ctx.request.body ?? {});
  const row = await cancelAlert(ctx.state.deps.db, actor, idParam(ctx), note);
  ctx.body = { id: row.id, state: row.state, msgType: row.msg_type };
});
