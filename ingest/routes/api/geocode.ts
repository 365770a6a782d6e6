// GET /api/v1/geocode?q= : ranked places for Vietnamese text, with or without diacritics.
import Router from '@koa/router';
import { z } from 'zod';
import type { IngestState } from '../../context.ts';
import { parseOr422 } from '../../schemas/validate.ts';
import { because } from '../../../domain/zod-reasons.ts';
import { DomainError, errors } from '../../../domain/errors.ts';

export const geocodeRouter = new Router<IngestState>({ prefix: '/api/v1' });

export const geocodeQuerySchema = z.object({
  q: z.string().trim().min(1, because('notEmpty')).max(200),
  limit: z.coerce.number().int().min(1).max(20).default(8),
});

geocodeRouter.get('/geocode', async (ctx) => {
  let query: z.infer<typeof geocodeQuerySchema>;
  try {
    query = parseOr422(geocodeQuerySchema, ctx.query);
  } catch (e) {
    // A search with nothing (or too much) to search for is a bad request, not an unprocessable entity.
    if (e instanceof DomainError) throw errors.invalidQuery(e.fields ?? []);
    throw e;
  }
  const places = await ctx.state.deps.placeSearch();
  ctx.body = { q: query.q, candidates: places.search(query.q, query.limit) };
});

export const reversePointSchema = z.object({
  lat: z.coerce.number().finite().min(-90).max(90),
  lng: z.coerce.number().finite().min(-180).max(180),
});

// GET /api/v1/geocode/reverse?lat=&lng= : the commune a point falls in, so the report form names it before sending.
geocodeRouter.get('/geocode/reverse', (ctx) => {
  const { lat, lng } = parseOr422(reversePointSchema, ctx.query);
  const area = ctx.state.deps.geocoder.lookup(lng, lat);
  ctx.body = { area: area ? { code: area.code, name: area.fullName || area.name } : null };
});
