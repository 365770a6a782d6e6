// /api/v1/webhooks: an administrator registers endpoints per agency and event type, lists deliveries, replays one.
import Router from '@koa/router';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { WEBHOOK_EVENTS } from '../../../domain/webhook-events.ts';
import { fieldIssue, reasons } from '../../../domain/errors.ts';
import type { IngestState } from '../../context.ts';
import { disableWebhook, registerWebhook, replayDelivery } from '../../commands/integration-changes.ts';
import { canViewIntegrations } from '../../policies/permissions.ts';
import { parseOr422, invalidFields } from '../../schemas/validate.ts';
import {
  listWebhookDeliveries,
  listWebhookEndpoints,
  type WebhookDeliveryRow,
  type WebhookEndpointRow,
} from '../../../sql/queries/webhooks.ts';
import { authorize, idParam, permittedTo, requireStaff } from './guard.ts';

/** HTTPS only; plain http only to this machine's loopback, and only under tests (a local receiver). */
export function webhookUrlAllowed(url: URL, env = process.env.NODE_ENV): boolean {
  if (url.protocol === 'https:') return true;
  return env === 'test' && url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

export const webhookInput = z.strictObject({
  url: z.url().max(2000),
  agencyId: z.string().max(64).optional(),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1),
});

const presentEndpoint = (e: WebhookEndpointRow) => ({
  id: e.id,
  url: e.url,
  agencyId: e.agency_id,
  events: e.events,
  active: e.active,
  createdAt: e.created_at.toISOString(),
});

const presentDelivery = (d: WebhookDeliveryRow) => ({
  id: d.id,
  endpointId: d.endpoint_id,
  event: d.event_type,
  payload: d.payload,
  status: d.status,
  attempts: d.attempts,
  nextAttemptAt: d.status === 'pending' ? d.next_attempt_at.toISOString() : null,
  lastStatus: d.last_status,
  lastError: d.last_error,
  deliveredAt: d.delivered_at?.toISOString() ?? null,
  createdAt: d.created_at.toISOString(),
  // Newest first: when, the receiver's HTTP status (null: no answer, see error), how long it took.
  attemptLog: d.attempt_log,
});

export const webhooksRouter = new Router<IngestState>({ prefix: '/api/v1/webhooks' });

// Supervisors read endpoints and deliveries; the writes are commands that authorise themselves (administrators).
webhooksRouter.use((ctx, next) => {
  const actor = requireStaff(ctx.state.actor);
  if (ctx.method === 'GET' || ctx.method === 'HEAD') authorize(canViewIntegrations(actor), 'read webhooks');
  return next();
});

webhooksRouter.get('/', async (ctx) => {
  ctx.body = { endpoints: (await listWebhookEndpoints(ctx.state.deps.db)).map(presentEndpoint) };
});

webhooksRouter.post('/', async (ctx) => {
  const actor = permittedTo(ctx.state.actor, registerWebhook);
  const input = parseOr422(webhookInput, ctx.request.body);
  if (!webhookUrlAllowed(new URL(input.url))) throw invalidFields([fieldIssue('url', reasons.mustBeHttpsUrl)]);
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  const endpoint = await registerWebhook(ctx.state.deps.db, actor, {
    url: input.url,
    agencyId: input.agencyId ?? null,
    events: [...new Set(input.events)],
    secret,
  });
  ctx.status = 201;
  // The signing secret is shown this once.
  ctx.body = { ...presentEndpoint(endpoint), secret };
});

webhooksRouter.post('/:id/disable', async (ctx) => {
  const actor = permittedTo(ctx.state.actor, disableWebhook);
  const endpoint = await disableWebhook(ctx.state.deps.db, actor, idParam(ctx));
  ctx.body = presentEndpoint(endpoint);
});

webhooksRouter.get('/:id/deliveries', async (ctx) => {
  const rows = await listWebhookDeliveries(ctx.state.deps.db, idParam(ctx), 200);
  ctx.body = { deliveries: rows.map(presentDelivery) };
});

webhooksRouter.post('/deliveries/:id/replay', async (ctx) => {
  const actor = permittedTo(ctx.state.actor, replayDelivery);
  const delivery = await replayDelivery(ctx.state.deps.db, actor, idParam(ctx));
  ctx.body = presentDelivery(delivery);
});
