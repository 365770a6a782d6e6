// /api/v1/webhooks: an administrator registers endpoints per agency and event type, lists deliveries, replays one.
import Router from '@koa/router';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { WEBHOOK_EVENTS } from '../../../domain/webhook-events.ts';
import type { IngestState } from '../../context.ts';
import { canManageIntegrations } from '../../policies/permissions.ts';
import { parseOr422, invalidFields } from '../../schemas/validate.ts';
import {
  disableWebhookEndpoint,
  insertWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  replayWebhookDelivery,
  type WebhookDeliveryRow,
  type WebhookEndpointRow,
} from '../../../sql/queries/webhooks.ts';
import { authorize, idParam, notFound, requireStaff } from './guard.ts';

/** HTTPS only; plain http only to this machine's loopback, and only under tests (a local receiver). */
export function webhookUrlAllowed(url: URL, env = process.env.NODE_ENV): boolean {
  if (url.protocol === 'https:') return true;
  return env === 'test' && url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

export const webhookInput = z.strictObject({
  url: z.url({ error: 'must be a URL' }).max(2000),
  agencyId: z.string().max(64).optional(),
  events: z.array(z.enum(WEBHOOK_EVENTS, { error: `must be one of ${WEBHOOK_EVENTS.join(', ')}` })).min(1),
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
});

export const webhooksRouter = new Router<IngestState>({ prefix: '/api/v1/webhooks' });

webhooksRouter.use((ctx, next) => {
  authorize(canManageIntegrations(requireStaff(ctx.state.actor)), 'manage webhooks');
  return next();
});

webhooksRouter.get('/', async (ctx) => {
  ctx.body = { endpoints: (await listWebhookEndpoints(ctx.state.deps.db)).map(presentEndpoint) };
});

webhooksRouter.post('/', async (ctx) => {
  const actor = requireStaff(ctx.state.actor);
  const input = parseOr422(webhookInput, ctx.request.body);
  if (!webhookUrlAllowed(new URL(input.url))) throw invalidFields([{ field: 'url', reason: 'must be an https URL' }]);
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  const endpoint = await insertWebhookEndpoint(ctx.state.deps.db, {
    url: input.url,
    agencyId: input.agencyId ?? null,
    events: [...new Set(input.events)],
    secret,
    createdBy: actor.userId,
  });
  ctx.status = 201;
  // The signing secret is shown this once.
  ctx.body = { ...presentEndpoint(endpoint), secret };
});

webhooksRouter.post('/:id/disable', async (ctx) => {
  const endpoint = await disableWebhookEndpoint(ctx.state.deps.db, idParam(ctx));
  if (!endpoint) throw notFound('Webhook endpoint');
  ctx.body = presentEndpoint(endpoint);
});

webhooksRouter.get('/:id/deliveries', async (ctx) => {
  const rows = await listWebhookDeliveries(ctx.state.deps.db, idParam(ctx), 200);
  ctx.body = { deliveries: rows.map(presentDelivery) };
});

webhooksRouter.post('/deliveries/:id/replay', async (ctx) => {
  const delivery = await replayWebhookDelivery(ctx.state.deps.db, idParam(ctx));
  if (!delivery) throw notFound('Webhook delivery');
  ctx.body = presentDelivery(delivery);
});
