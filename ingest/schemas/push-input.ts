// A push subscription as the browser's PushManager gives it, and the area it follows.
import { z } from 'zod';
import { because, refusedBecause } from '../../domain/zod-reasons.ts';

const base64url = z
  .string()
  .regex(/^[A-Za-z0-9_-]+=*$/, because('base64url'))
  .min(16)
  .max(200);

/** Push services speak https only; the server POSTs to this URL. */
const endpoint = z
  .url()
  .max(1000)
  .refine((u) => new URL(u).protocol === 'https:', because('mustBeHttpsUrl'))
  .describe(
    'The browser push service URL: https on FCM, Mozilla autopush, Apple or Windows WNS (or an origin in PUSH_SERVICE_ORIGINS), never a private, loopback or link-local address (ingest/push/endpoint-allowlist.ts)',
  );

export const pushSubscriptionSchema = z.strictObject({
  endpoint,
  expirationTime: z.number().nullable().optional(),
  keys: z.strictObject({ p256dh: base64url, auth: base64url }),
});

export const subscribeSchema = z
  .strictObject({
    subscription: pushSubscriptionSchema,
    // Alerts for an area: a commune, or a point and radius.
    area: z
      .strictObject({
        commune: z
          .string()
          .regex(/^\d{5}$/, because('communeCode'))
          .optional(),
        point: z
          .strictObject({
            lat: z.number().min(-90).max(90),
            lng: z.number().min(-180).max(180),
            radiusM: z.number().min(100).max(20_000).default(2000),
          })
          .optional(),
      })
      .refine(
        (a) => (a.commune === undefined) !== (a.point === undefined),
        refusedBecause('exactlyOneOf', ['commune', 'point']),
      )
      .optional(),
    // Or a reporter's own report: its code and the tracking secret only the reporter was given.
    report: z
      .strictObject({
        code: z.string().min(3).max(40),
        secret: z.string().min(8).max(200),
      })
      .optional(),
  })
  .refine((b) => (b.area === undefined) !== (b.report === undefined), {
    ...refusedBecause('exactlyOneOf', ['area', 'report']),
    path: ['area'],
  });

export const unsubscribeSchema = z.strictObject({ endpoint });

export type SubscribeInput = z.infer<typeof subscribeSchema>;
