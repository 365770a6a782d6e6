// /api/v1/wall-tokens: administrators create (token shown once), list and revoke the wall displays' kiosk tokens.
// GET /api/v1/wall/config: a wall reads its own settings with its token.
import Router from '@koa/router';
import { z } from 'zod';
import { listWallTokens, type WallTokenRow } from '../../../sql/queries/wall-tokens.ts';
import { issueWallToken, revokeWallToken } from '../../commands/wall-tokens.ts';
import type { IngestState } from '../../context.ts';
import { canManageWallTokens } from '../../policies/permissions.ts';
import { parseOr422 } from '../../schemas/validate.ts';
import { authorize, idParam, permittedTo, requireStaff } from './guard.ts';

export const wallTokensRouter = new Router<IngestState>({ prefix: '/api/v1' });

const sceneSchema = z
  .object({
    kind: z.enum(['province', 'area', 'hotspot']),
    /** A commune or city code for `area`. */
    areaCode: z.string().min(1).max(20).optional(),
    seconds: z.number().int().min(10).max(3600).default(60),
  })
  .strict();

export const wallConfigSchema = z
  .object({
    scenes: z
      .array(sceneSchema)
      .max(12)
      .default([{ kind: 'province', seconds: 60 }]),
    /** Index of the scene the wall stays on; null cycles. */
    pinned: z.number().int().min(0).max(11).nullable().default(null),
  })
  .strict();

export const newWallTokenSchema = z
  .object({ name: z.string().trim().min(1).max(120), config: wallConfigSchema.default({ scenes: [], pinned: null }) })
  .strict();

export interface WallTokenDTO {
  id: string;
  name: string;
  demo: boolean;
  config: Record<string, unknown>;
  createdAt: string;
  revokedAt: string | null;
}

const present = (r: WallTokenRow): WallTokenDTO => ({
  id: r.id,
  name: r.name,
  demo: r.demo,
  config: r.config,
  createdAt: r.created_at.toISOString(),
  revokedAt: r.revoked_at?.toISOString() ?? null,
});

wallTokensRouter.get('/wall-tokens', async (ctx) => {
  authorize(canManageWallTokens(requireStaff(ctx.state.actor)), 'manage wall tokens');
  ctx.set('Cache-Control', 'no-store');
  ctx.body = { tokens: (await listWallTokens(ctx.state.deps.db)).map(present) };
});

wallTokensRouter.post('/wall-tokens', async (ctx) => {
  const actor = permittedTo(ctx.state.actor, issueWallToken);
  const input = parseOr422(newWallTokenSchema, ctx.request.body ?? {});
  const { row, token } = await issueWallToken(ctx.state.deps.db, actor, input);
  ctx.status = 201;
  ctx.set('Cache-Control', 'no-store');
  ctx.body = { ...present(row), token };
});

wallTokensRouter.post('/wall-tokens/:id/revoke', async (ctx) => {
  const actor = permittedTo(ctx.state.actor, revokeWallToken);
  ctx.body = present(await revokeWallToken(ctx.state.deps.db, actor, idParam(ctx)));
});

wallTokensRouter.get('/wall/config', (ctx) => {
  const actor = requireStaff(ctx.state.actor);
  authorize(actor.role === 'wall_viewer' && actor.wall !== undefined, 'read a wall configuration');
  ctx.set('Cache-Control', 'no-store');
  ctx.body = { id: actor.wall!.id, name: actor.wall!.name, config: actor.wall!.config };
});
