// /api/v1/push: Web Push for citizens without an account. The browser's push subscription is the identity;
// only it and the chosen area (a commune, or a point and radius), or the report a reporter follows (proved with
// its tracking secret), are stored. Unsubscribing takes the endpoint.
import Router from '@koa/router';
import { circlePolygon, coverArea, coverAt } from '../../../geo/alert-area.ts';
import { communesByCode } from '../../../sql/queries/alerts.ts';
import { deletePushSubscription, upsertPushSubscription } from '../../../sql/queries/push.ts';
import { findTrackedReport } from '../../../sql/queries/track.ts';
import { trackingSecretMatches } from '../../citizen/secrets.ts';
import type { IngestState } from '../../context.ts';
import { errors, fieldIssue } from '../../../domain/errors.ts';
import { loadVapidKeys } from '../../push/vapid.ts';
import { pushEndpointProblem } from '../../push/endpoint-allowlist.ts';
import { subscribeSchema, unsubscribeSchema } from '../../schemas/push-input.ts';
import { invalidFields, parseOr422 } from '../../schemas/validate.ts';
import type { AreaGeometry } from '../../../geo/alert-area.ts';

export const pushRouter = new Router<IngestState>({ prefix: '/api/v1/push' });

pushRouter.get('/key', async (ctx) => {
  ctx.body = { publicKey: (await loadVapidKeys(ctx.state.deps.db)).publicKey };
});

pushRouter.post('/subscriptions', async (ctx) => {
  const { subscription, area, report } = parseOr422(subscribeSchema, ctx.request.body);
  // The server will POST to it: only known push services (or ones the operator configured), never inside.
  const problem = pushEndpointProblem(subscription.endpoint);
  if (problem) throw invalidFields([fieldIssue('subscription.endpoint', problem)]);
  const db = ctx.state.deps.db;
  if (report) {
    // The reporter proves ownership with the tracking secret; anyone else gets the same 404 as for no report.
    const tracked = await findTrackedReport(db, report.code);
    if (!tracked || !trackingSecretMatches(report.secret, tracked.tracking_secret_hash))
      throw errors.noReportWithSecret();
    const row = await upsertPushSubscription(db, {
      endpoint: subscription.endpoint,
      p256dh: subscription.keys.p256dh,
      auth: subscription.keys.auth,
      kind: 'report',
      areaCode: null,
      lat: null,
      lng: null,
      radiusM: null,
      cells7: [],
      reportId: tracked.id,
      lastStatus: tracked.status,
    });
    ctx.status = 201;
    ctx.body = { id: row.id, report: { code: report.code } };
    return;
  }
  if (!area) return; // the schema guarantees one of them
  let geometry: AreaGeometry;
  if (area.commune) {
    const [commune] = await communesByCode(db, [area.commune]);
    if (!commune) throw errors.unknownCommune({ field: 'area.commune', code: area.commune });
    geometry = commune.geometry as AreaGeometry;
  } else {
    geometry = circlePolygon(area.point!.lat, area.point!.lng, area.point!.radiusM);
  }
  const cells7 = [...coverAt(coverArea([geometry]) ?? [], 7)];
  const row = await upsertPushSubscription(db, {
    endpoint: subscription.endpoint,
    p256dh: subscription.keys.p256dh,
    auth: subscription.keys.auth,
    kind: 'area',
    areaCode: area.commune ?? null,
    lat: area.point?.lat ?? null,
    lng: area.point?.lng ?? null,
    radiusM: area.point?.radiusM ?? null,
    cells7,
    reportId: null,
    lastStatus: null,
  });
  ctx.status = 201;
  ctx.body = { id: row.id, area: area.commune ? { commune: area.commune } : { point: area.point } };
});

pushRouter.post('/unsubscribe', async (ctx) => {
  const { endpoint } = parseOr422(unsubscribeSchema, ctx.request.body);
  ctx.body = { removed: await deletePushSubscription(ctx.state.deps.db, endpoint) };
});
