// /api/v1/track/:code: a report followed by its code; the tracking secret (?k= or X-Tracking-Secret) proves the reporter.
import Router from '@koa/router';
import type { Context } from 'koa';
import { listPhotos } from '../../../sql/queries/photos.ts';
import { findRating, findTrackedReport, publicTimeline } from '../../../sql/queries/track.ts';
import { trackingSecretMatches } from '../../citizen/secrets.ts';
import { confirmByReporter, rateResolution, reopenByReporter } from '../../commands/reporter-follow-up.ts';
import type { IngestState } from '../../context.ts';
import { presentTrack } from '../../presenters/track-presenter.ts';
import type { TrackDTO } from '../../presenters/dto.ts';
import { confirmSchema, normaliseTrackingCode, ratingSchema, reopenSchema } from '../../schemas/track-input.ts';
import { parseOr422 } from '../../schemas/validate.ts';
import { notFound } from './guard.ts';

export const trackRouter = new Router<IngestState>({ prefix: '/api/v1/track' });

const codeOf = (ctx: Context) => normaliseTrackingCode(String((ctx.params as { code: string }).code));

async function trackAnswer(ctx: Context & { state: IngestState }, code: string, secret: string | null) {
  const { db, catalog } = ctx.state.deps;
  const report = await findTrackedReport(db, code);
  if (!report) throw notFound('report');
  const [timeline, photos, rating] = await Promise.all([
    publicTimeline(db, report.id),
    listPhotos(db, report.id, true),
    findRating(db, report.id),
  ]);
  // Per reporter and per moment: never cached by a shared cache.
  ctx.set('Cache-Control', 'private, no-store');
  return presentTrack({
    report,
    timeline,
    photos,
    rating,
    sensitive: catalog.sensitive.has(report.category),
    reporter: trackingSecretMatches(secret, report.tracking_secret_hash),
    now: new Date(),
  }) satisfies TrackDTO;
}

trackRouter.get('/:code', async (ctx) => {
  const code = codeOf(ctx);
  const k = typeof ctx.query.k === 'string' ? ctx.query.k : null;
  ctx.body = await trackAnswer(ctx, code, ctx.get('x-tracking-secret') || k);
});

trackRouter.post('/:code/rating', async (ctx) => {
  const code = codeOf(ctx);
  const input = parseOr422(ratingSchema, ctx.request.body);
  await rateResolution(ctx.state.deps.db, code, input);
  ctx.body = await trackAnswer(ctx, code, input.secret);
});

trackRouter.post('/:code/reopen', async (ctx) => {
  const code = codeOf(ctx);
  const input = parseOr422(reopenSchema, ctx.request.body);
  await reopenByReporter(ctx.state.deps.db, code, input, ctx.state.deps.catalog.sensitive);
  ctx.body = await trackAnswer(ctx, code, input.secret);
});

trackRouter.post('/:code/confirm', async (ctx) => {
  const code = codeOf(ctx);
  const input = parseOr422(confirmSchema, ctx.request.body);
  await confirmByReporter(ctx.state.deps.db, code, input, ctx.state.deps.catalog.sensitive);
  ctx.body = await trackAnswer(ctx, code, input.secret);
});
