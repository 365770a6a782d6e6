// Open311 inputs as clients send them: form fields (all strings), unknown fields ignored as the spec expects.
import { z } from 'zod';
import { isoDateTime } from './dates.ts';

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const optionalText = (max: number) =>
  text(max)
    .optional()
    .transform((v) => v || undefined);
const coordinate = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^-?\d{1,3}(\.\d+)?$/, 'must be a decimal number')
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be between ${min} and ${max}`)
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
    service_code: z.string({ error: 'is required' }).trim().min(1, 'is required').max(64, 'is too long'),
    lat: coordinate(-90, 90),
    long: coordinate(-180, 180),
    address_string: optionalText(500),
    address_id: optionalText(100),
    email: z
      .email('must be an email address')
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
      .regex(/^\+?[0-9][0-9 .-]{6,18}[0-9]$/, 'must be a phone number of 8 to 20 digits')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    description: optionalText(4000),
    media_url: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .max(2000)
      .optional(),
    attribute: z.record(z.string().max(64), attributeValue).optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.lat === undefined) !== (v.long === undefined))
      ctx.addIssue({
        code: 'custom',
        path: [v.lat === undefined ? 'lat' : 'long'],
        message: 'lat and long go together',
      });
    if (v.lat === undefined && !v.address_string && !v.address_id)
      ctx.addIssue({
        code: 'custom',
        path: ['lat'],
        message: 'a location is required: lat and long, or address_string',
      });
  });

export type Open311RequestInput = z.infer<typeof open311RequestInput>;

/** At most this many ids in one GET requests?service_request_id=… */
export const MAX_REQUEST_IDS = 100;

/** The wiki's Extensions: `extensions=true` adds `extended_attributes` to each request. */
const extensionsParam = z
  .enum(['true', 'false'], { error: "must be 'true' or 'false'" })
  .optional()
  .transform((v) => v === 'true');

export const open311RequestQuery = open311CommonQuery.extend({ extensions: extensionsParam });

export const open311RequestsQuery = open311RequestQuery.extend({
  service_request_id: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,40}(,[A-Za-z0-9-]{1,40})*$/, 'must be request ids separated by commas')
    .transform((v) => [...new Set(v.split(','))])
    .refine((v) => v.length <= MAX_REQUEST_IDS, `at most ${MAX_REQUEST_IDS} ids`)
    .optional(),
  service_code: z.string().max(64).optional(),
  start_date: datetime.optional(),
  end_date: datetime.optional(),
  status: z
    .string()
    .regex(/^(open|closed)(,(open|closed))?$/, 'must be open, closed, or open,closed')
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
  service_request_id: z.string({ error: 'is required' }).trim().min(1, 'is required').max(40),
  update_id: z.string({ error: 'is required' }).trim().min(1, 'is required').max(100),
  status: z
    .string({ error: 'is required' })
    .trim()
    .toLowerCase()
    .regex(/^[a-z_]{2,40}$/, 'must be a status such as open or closed'),
  description: z.string({ error: 'is required' }).trim().min(1, 'is required').max(4000),
  updated_datetime: datetime,
  media_url: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .max(2000)
    .optional(),
  first_name: optionalText(100),
  last_name: optionalText(100),
  email: z
    .email('must be an email address')
    .max(200)
    .optional()
    .or(z.literal('').transform(() => undefined)),
});
