// What every Open311 route shares: the format check, 400 for bad input, the client's api_key, the questions.
import Router from '@koa/router';
import type { Context } from 'koa';
import type { z } from 'zod';
import type { IngestDeps, IngestState } from '../../context.ts';
import { hashToken } from '../../auth/tokens.ts';
import { DomainError, errors } from '../../../domain/errors.ts';
import type { QuestionDTO } from '../../presenters/dto.ts';
import { parseOr422 } from '../../schemas/validate.ts';
import { findActiveOpen311Client, type Open311ClientRow } from '../../../sql/queries/open311.ts';

export const OPEN311_BASE = '/open311/v2';

export function open311Router(): Router<IngestState> {
  const router = new Router<IngestState>({ prefix: OPEN311_BASE });
  router.param('format', async (format, ctx, next) => {
    if (format !== 'json' && format !== 'xml') throw errors.formatNotServed(format);
    await next();
  });
  return router;
}

/** Open311 answers every bad parameter with 400, each named in its own `error`. */
export function parseOr400<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  try {
    return parseOr422(schema, input);
  } catch (e) {
    if (e instanceof DomainError) throw errors.badParameters(e.fields ?? []);
    throw e;
  }
}

/** The api_key an administrator issued to this client (POST /api/v1/open311/clients); 403 otherwise, as the spec says. */
export async function requireClient(ctx: Context, deps: IngestDeps): Promise<Open311ClientRow> {
  const body = (ctx.request as { body?: unknown }).body as Record<string, unknown> | undefined;
  const key = body?.api_key ?? ctx.query.api_key;
  const client = typeof key === 'string' && key ? await findActiveOpen311Client(deps.db, hashToken(key)) : null;
  if (!client) throw errors.invalidApiKey();
  return client;
}

/** The category's questions are its Open311 service attributes. */
export const questionsOf = (deps: IngestDeps, code: string): QuestionDTO[] => deps.catalog.questionsOf(code);

/** 404 for a service in the path; 400 (`asParameter`) for one named in a query or body, as Open311 says. */
export const unknownService = (code: string, asParameter = false): DomainError =>
  asParameter ? errors.unknownServiceParameter(code) : errors.unknownService(code);
