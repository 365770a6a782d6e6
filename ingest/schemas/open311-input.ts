// Open311 inputs as clients send them: form fields (all strings), unknown fields ignored as the spec expects.
import { z } from 'zod';
import { isoDateTime } from './dates.ts';
import { because, refusedBecause } from '../../domain/zod-reasons.ts';

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  text(max)
    .optional()
    .transform((v) => v || undefined);
const coordinate = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^-?\d{1,3}(\.\d+)?$/, because('decimalNumber'))
    .transform(Number)
    .refine((n) => n >= min && n <= max, refusedBecause('between', { min, max }))
    .optional();
// Also refuses what Postgres cannot hold (year 0000): ./dates.ts.
const datetime = isoDateTime();

/** vi by default; en, en_US, en-GB… ask for English. */
export const localeParam = z
  .string()
  .optional()
  .transform((l) => (l?.toLowerCase().startsWith('en') ? 'en' : 'vi'));

export const open311CommonQuery = z.object({ jurisdiction_id: z.string().max(200).optional(), locale: localeParam });

/** attribute[code]=value, or attribute[code][]=a&attribute[code][]=b for a multivaluelist. */
const attributeValue = z.union([z.string().max(4000), z.array(z.string().max(4000)).max(100)]);

export const open311RequestInput = z
  .object({
    jurisdiction_id: z.string().max(200).optional(),
    locale: localeParam,
    service_code: z.string().trim().min(1).max(64),
    lat: coordinate(-90, 90),
    long: coordinate(-180, 180),
    address_string: optionalText(500),
    address_id: optionalText(100),
    email: z
      .email()
      .max(200)
      .optional()
      .or(z.literal('').transform(() => undefined)),
    device_id: optionalText(200),
    account_id: optionalText(200),
    first_name: optionalText(100),
    last_name: optionalText(100),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 .-]{6,18}[0-9]$/, because('phone'))
      .optional()
      .or(z.literal('').transform(() => undefined)),
    description: optionalText(4000),
    media_url: z
      .url({ protocol: /^https?$/, error: because('mustBeHttpUrl') })
      .max(2000)
      .optional(),
    attribute: z.record(z.string().max(64), attributeValue).optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.lat === undefined) !== (v.long === undefined))
      ctx.addIssue({
        code: 'custom',
        path: [v.lat === undefined ? 'lat' : 'long'],
        message: because('latLongTogether'),
      });
    if (v.lat === undefined && !v.address_string && !v.address_id)
      ctx.addIssue({
        code: 'custom',
        path: ['lat'],
        message: because('locationRequired'),
      });
  });

export type Open311RequestInput = z.infer<typeof open311RequestInput>;

/** At most this many ids in one GET requests?service_request_id=… */
export const MAX_REQUEST_IDS = 100;

/** The wiki's Extensions: `extensions=true` adds `extended_attributes` to each request. */
const extensionsParam = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true');

export const open311RequestQuery = open311CommonQuery.extend({ extensions: extensionsParam });

export const open311RequestsQuery = open311RequestQuery.extend({
  service_request_id: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,40}(,[A-Za-z0-9-]{1,40})*$/, because('requestIds'))
    .transform((v) => [...new Set(v.split(','))])
    .refine((v) => v.length <= MAX_REQUEST_IDS, refusedBecause('atMostIds', { max: MAX_REQUEST_IDS }))
    .optional(),
  service_code: z.string().max(64).optional(),
  start_date: datetime.optional(),
  end_date: datetime.optional(),
  status: z
    .string()
    .regex(/^(open|closed)(,(open|closed))?$/, because('openOrClosed'))
    .transform((v) => [...new Set(v.split(','))] as ('open' | 'closed')[])
    .optional(),
});

export const open311UpdatesQuery = open311CommonQuery.extend({
  api_key: z.string().optional(),
  start_date: datetime.optional(),
  end_date: datetime.optional(),
});

/** FixMyStreet's POST servicerequestupdates: a citizen's comment on a request, relayed by the client. */
export const open311UpdateInput = z.object({
  jurisdiction_id: z.string().max(200).optional(),
  service_request_id: z.string().trim().min(1).max(40),
  update_id: z.string().trim().min(1).max(100),
  status: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z_]{2,40}$/, because('open311Status')),
  description: z.string().trim().min(1).max(4000),
  updated_datetime: datetime,
  media_url: z
    .url({ protocol: /^https?$/, error: because('mustBeHttpUrl') })
    .max(2000)
    .optional(),
  first_name: optionalText(100),
  last_name: optionalText(100),
  email: z
    .email()
    .max(200)
    .optional()
    .or(z.literal('').transform(() => undefined)),
});
