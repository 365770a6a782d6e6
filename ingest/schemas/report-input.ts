// The citizen report as the API accepts it. Unknown keys are refused so typos do not pass silently.
import { z } from 'zod';

const finite = (what: string, min: number, max: number) =>
  z.number({ error: `must be a number (${what})` }).finite().min(min, `must be >= ${min}`).max(max, `must be <= ${max}`);

export const reportInputSchema = z.strictObject({
  category: z.string({ error: 'is required' }).trim().min(1, 'is required').max(64, 'is too long'),
  description: z.string({ error: 'is required' }).trim().min(3, 'must be at least 3 characters').max(4000, 'must be at most 4000 characters'),
  lat: finite('latitude', -90, 90),
  lng: finite('longitude', -180, 180),
  reporter: z.strictObject({
    name: z.string().trim().max(200, 'must be at most 200 characters').optional(),
    phone: z.string().trim().regex(/^\+?[0-9][0-9 .-]{6,18}[0-9]$/, 'must be a phone number of 8 to 20 digits').optional(),
    anonymous: z.boolean().optional(),
  }).optional(),
});

export type ReportInput = z.infer<typeof reportInputSchema>;

export const reportListQuerySchema = z.object({
  bbox: z.string().regex(/^-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+$/, 'must be west,south,east,north').optional()
    .transform((v) => (v ? (v.split(',').map(Number) as [number, number, number, number]) : undefined)),
  since: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(2000),
});

export const cellsQuerySchema = z.object({
  res: z.coerce.number({ error: 'must be a number' }).int('must be an integer').min(5, 'must be >= 5').max(10, 'must be <= 10').default(8),
  since: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }).optional(),
  category: z.string().max(64).optional(),
});
