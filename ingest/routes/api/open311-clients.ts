// /api/v1/open311/clients: an administrator issues (and revokes) the api_key of each Open311 client.
import Router from '@koa/router';
import { z } from 'zod';
import type { IngestState } from '../../context.ts';
import { hashToken, newToken } from '../../auth/tokens.ts';
import { issueOpen311Client, revokeClient } from '../../commands/integration-changes.ts';
import { canViewIntegrations } from '../../policies/permissions.ts';
import { parseOr422 } from '../../schemas/validate.ts';
import { because } from '../../../domain/zod-reasons.ts';
import { listOpen311Clients, type Open311ClientRow } from '../../../sql/queries/open311.ts';
import { authorize, idParam, permittedTo, requireStaff } from './guard.ts';

export const open311ClientInput = z.strictObject({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, because('clientSlug')),
  name: z.string().trim().min(1).max(200),
  contact: z.string().trim().max(200).optional(),
});

const present = (c: Open311ClientRow) => ({
  id: c.id,
  slug: c.slug,
  name: c.name,
  contact: c.contact,
  channel: `open311:${c.slug}`,
  createdAt: c.created_at.toISOString(),
  revokedAt: c.revoked_at?.toISOString() ?? null,
});

export const open311ClientsRouter = new Router<IngestState>({ prefix: '/api/v1/open311/clients' });

open311ClientsRouter.get('/', async (ctx) => {
  authorize(canViewIntegrations(requireStaff(ctx.state.actor)), 'read Open311 clients');
  ctx.body = { clients: (await listOpen311Clients(ctx.state.deps.db)).map(present) };
});

open311ClientsRouter.post('/', async (ctx) => {
  const actor = permittedTo(ctx.state.actor, issueOpen311Client);
  const input = parseOr422(open311ClientInput, ctx.request.body);
  // Shown once: only its hash is stored.
  const apiKey = newToken('o311_');
  const client = await issueOpen311Client(ctx.state.deps.db, actor, {
    slug: input.slug,
    name: input.name,
    contact: input.contact ?? null,
    keyHash: hashToken(apiKey),
  });
  ctx.status = 201;
  ctx.body = { ...present(client), apiKey };
});

open311ClientsRouter.post('/:id/revoke', async (ctx) => {
  const actor = permittedTo(ctx.state.actor, revokeClient);
  ctx.body = present(await revokeClient(ctx.state.deps.db, actor, idParam(ctx)));
});
