// The citizen report as the API accepts it. Unknown keys are refused so typos do not pass silently.
import { z } from 'zod';
import { isoDateTime } from './dates.ts';
import { because, refusedBecause } from '../../domain/zod-reasons.ts';

const finite = (min: number, max: number) => z.number().finite().min(min).max(max);

export const reportInputSchema = z.strictObject({
  category: z.string().trim().min(1).max(64),
  description: z.string().trim().min(3).max(4000),
  lat: finite(-90, 90),
  lng: finite(-180, 180),
  reporter: z
    .strictObject({
      name: z.string().trim().max(200).optional(),
      phone: z
        .string()
        .trim()
        .regex(/^\+?[0-9][0-9 .-]{6,18}[0-9]$/, because('phone'))
        .optional(),
      anonymous: z.boolean().optional(),
    })
    .optional(),
  /** Answers to the category's questions (checked against their definitions by schemas/answers.ts). */
  answers: z
    .record(
      z.string().max(40, because('questionCode')),
      z.union([z.string(), z.number(), z.array(z.string())], { error: because('answerValue') }),
      { error: because('answersObject') },
    )
    .optional(),
  /** How the report came in (default web); hotline is for staff typing in a call. */
  channel: z.enum(['web', 'app', 'hotline']).optional(),
});

/** A channel filter: one channel, or `open311` for every Open311 client. */
export const channelFilter = z
  .string()
  .regex(/^(web|app|hotline|open311(:[a-z0-9][a-z0-9-]{0,39})?)$/, because('channelFilter'));

export type ReportInput = z.infer<typeof reportInputSchema>;

const bboxParam = z
  .string()
  .regex(/^-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+$/, because('bboxFormat'))
  .optional()
  .transform((v) => (v ? (v.split(',').map(Number) as [number, number, number, number]) : undefined))
  .refine((b) => !b || (b[0] < b[2] && b[1] < b[3] && b[1] >= -90 && b[3] <= 90), because('bboxOrder'));

/** Reports a screen asks details for in one request (what a burst of notices named). */
export const MAX_IDS_PER_REQUEST = 200;

export const reportListQuerySchema = z.object({
  bbox: bboxParam,
  channel: channelFilter.optional(),
  since: isoDateTime().optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(2000),
  ids: z
    .string()
    .regex(/^\d{1,18}(,\d{1,18})*$/, because('reportIds'))
    .optional()
    .transform((v) => (v ? [...new Set(v.split(','))] : undefined))
    .refine((v) => !v || v.length <= MAX_IDS_PER_REQUEST, refusedBecause('atMostIds', { max: MAX_IDS_PER_REQUEST })),
});

const WINDOW_UNITS_MS = { h: 3_600_000, d: 86_400_000 } as const;

export const cellsQuerySchema = z
  .object({
    res: z.coerce.number().int().min(5).max(10).default(8),
    since: isoDateTime().optional(),
    /** A trailing window such as 24h or 7d; the alternative to `since`. */
    window: z
      .string()
      .regex(/^\d{1,4}[hd]$/, because('timeWindow'))
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
