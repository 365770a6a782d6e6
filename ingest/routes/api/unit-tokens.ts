// /api/v1/units/:unitId/tokens: administrators issue (shown once), list and revoke the tokens of a unit's phones.
import Router from '@koa/router';
import { listUnitTokens } from '../../../sql/queries/unit-tokens.ts';
import { issueUnitToken, revokeUnitToken } from '../../commands/unit-tokens.ts';
import type { IngestState } from '../../context.ts';
import { presentUnitToken } from '../../presenters/dispatch-presenters.ts';
import type { IssuedUnitTokenDTO, UnitTokenDTO } from '../../presenters/dto.ts';
import { canManageUnitTokens } from '../../policies/permissions.ts';
import { newUnitTokenSchema } from '../../schemas/dispatch-input.ts';
import { parseOr422 } from '../../schemas/validate.ts';
import { authorize, idParam, notFound, permittedTo, requireStaff } from './guard.ts';

export const unitTokensRouter = new Router<IngestState>({ prefix: '/api/v1/units/:unitId/tokens' });

function unitIdOf(params: Record<string, string>): string {
  const id = params.unitId;
  if (!/^[a-z0-9-]{2,64}$/.test(id)) throw notFound('unit');
  return id;
}

unitTokensRouter.get('/', async (ctx) => {
  authorize(canManageUnitTokens(requireStaff(ctx.state.actor)), 'manage unit tokens');
  const tokens = await listUnitTokens(ctx.state.deps.db, unitIdOf(ctx.params));
  ctx.set('Cache-Control', 'no-store');
  ctx.body = { tokens: tokens.map(presentUnitToken) } satisfies { tokens: UnitTokenDTO[] };
});

unitTokensRouter.post('/', async (ctx) => {
  const actor = permittedTo(ctx.state.actor, issueUnitToken);
  const { label } = parseOr422(newUnitTokenSchema, ctx.request.body ?? {});
  const { row, token } = await issueUnitToken(ctx.state.deps.db, actor, {
    unitId: unitIdOf(ctx.params),
    label,
  });
  ctx.status = 201;
  ctx.set('Cache-Control', 'no-store');
  ctx.body = { ...presentUnitToken(row), token } satisfies IssuedUnitTokenDTO;
});

unitTokensRouter.post('/:tokenId/revoke', async (ctx) => {
  const actor = permittedTo(ctx.state.actor, revokeUnitToken);
  const row = await revokeUnitToken(ctx.state.deps.db, actor, {
    unitId: unitIdOf(ctx.params),
    tokenId: idParam(ctx, 'tokenId'),
  });
  ctx.body = presentUnitToken(row);
});
