// The citizen report as the API accepts it. Unknown keys are refused so typos do not pass silently.
import { z } from 'zod';
import { isoDateTime } from './dates.ts';

const finite = (what: string, min: number, max: number) =>
  z
    .number({ error: `must be a number (${what})` })
    .finite()
    .min(min, `must be >= ${min}`)
    .max(max, `must be <= ${max}`);

export const reportInputSchema = z.strictObject({
  category: z.string({ error: 'is required' }).trim().min(1, 'is required').max(64, 'is too long'),
  description: z
    .string({ error: 'is required' })
    .trim()
    .min(3, 'must be at least 3 characters')
    .max(4000, 'must be at most 4000 characters'),
  lat: finite('latitude', -90, 90),
  lng: finite('longitude', -180, 180),
  reporter: z
    .strictObject({
      name: z.string().trim().max(200, 'must be at most 200 characters').optional(),
      phone: z
        .string()
        .trim()
        .regex(/^\+?[0-9][0-9 .-]{6,18}[0-9]$/, 'must be a phone number of 8 to 20 digits')
        .optional(),
      anonymous: z.boolean().optional(),
    })
    .optional(),
  /** Answers to the category's questions (checked against their definitions by schemas/answers.ts). */
  answers: z
    .record(
      z.string().max(40, 'is not a question code'),
      z.union([z.string(), z.number(), z.array(z.string())], {
        error: 'must be a string, a number or a list of strings',
      }),
      { error: 'must be an object of question code to answer' },
    )
    .optional(),
  /** How the report came in (default web); hotline is for staff typing in a call. */
  channel: z.enum(['web', 'app', 'hotline'], { error: 'must be web, app or hotline' }).optional(),
});

/** A channel filter: one channel, or `open311` for every Open311 client. */
export const channelFilter = z
  .string()
  .regex(
    /^(web|app|hotline|open311(:[a-z0-9][a-z0-9-]{0,39})?)$/,
    'must be web, app, hotline, open311 or open311:<client>',
  );

export type ReportInput = z.infer<typeof reportInputSchema>;

const bboxParam = z
  .string()
  .regex(/^-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+$/, 'must be west,south,east,north')
  .optional()
  .transform((v) => (v ? (v.split(',').map(Number) as [number, number, number, number]) : undefined))
  .refine(
    (b) => !b || (b[0] < b[2] && b[1] < b[3] && b[1] >= -90 && b[3] <= 90),
    'west must be < east and south < north, within -90..90',
  );

/** Reports a screen asks details for in one request (what a burst of notices named). */
export const MAX_IDS_PER_REQUEST = 200;

export const reportListQuerySchema = z.object({
  bbox: bboxParam,
  channel: channelFilter.optional(),
  since: isoDateTime().optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(2000),
  ids: z
    .string()
    .regex(/^\d{1,18}(,\d{1,18})*$/, 'must be report ids separated by commas')
    .optional()
    .transform((v) => (v ? [...new Set(v.split(','))] : undefined))
    .refine((v) => !v || v.length <= MAX_IDS_PER_REQUEST, `at most ${MAX_IDS_PER_REQUEST} ids`),
});

const WINDOW_UNITS_MS = { h: 3_600_000, d: 86_400_000 } as const;

export const cellsQuerySchema = z
  .object({
    res: z.coerce
      .number({ error: 'must be a number' })
      .int('must be an integer')
      .min(5, 'must be >= 5')
      .max(10, 'must be <= 10')
      .default(8),
    since: isoDateTime().optional(),
    /** A trailing window such as 24h or 7d; the alternative to `since`. */
    window: z
      .string()
      .regex(/^\d{1,4}[hd]$/, 'must be a number of hours or days, e.g. 24h or 7d')
      .optional()
      .transform((w) => (w ? Number(w.slice(0, -1)) * WINDOW_UNITS_MS[w.slice(-1) as 'h' | 'd'] : undefined)),
    category: z.string().max(64).optional(),
    status: z.string().max(32).optional(),
    bbox: bboxParam,
  })
  .transform(({ window, since, ...rest }) => ({
    ...rest,
    since: window !== undefined ? new Date(Date.now() - window).toISOString() : since,
  }));
