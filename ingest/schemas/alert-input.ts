// An alert as POST /api/v1/alerts (and its update) accepts it; each bad field is named in the 422.
import { z } from 'zod';
import { ALERT_CATEGORY_CODES, CAP_CERTAINTIES, CAP_SEVERITIES, CAP_URGENCIES } from '../../domain/alert-vocabulary.ts';

const text = (max: number) => z.string({ error: 'is required' }).trim().min(1, 'is required').max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();
const time = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 time with a UTC offset' });
const lng = z.number({ error: 'must be a number' }).min(-180).max(180);
const lat = z.number({ error: 'must be a number' }).min(-90).max(90);

const position = z.tuple([lng, lat], { error: 'must be [longitude, latitude]' });
const ring = z
  .array(position)
  .min(4, 'a ring needs at least 4 positions')
  .max(2000, 'at most 2000 positions')
  .refine((r) => r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1], 'must be closed (last = first)');

// One object with three optional shapes (not a union): a bad commune code is named at its own index.
export const alertAreaSchema = z
  .strictObject(
    {
      communes: z
        .array(z.string().regex(/^\d{5}$/, 'must be a 5-digit commune code'), { error: 'must be a list of codes' })
        .min(1, 'name at least one commune')
        .max(200)
        .optional(),
      polygon: z
        .strictObject({
          type: z.literal('Polygon', { error: "must be 'Polygon'" }),
          coordinates: z.array(ring).min(1, 'needs an outer ring').max(20),
        })
        .optional(),
      circle: z
        .strictObject({
          lat,
          lng,
          radiusM: z.number({ error: 'must be a number' }).min(50, 'at least 50 m').max(100_000, 'at most 100 km'),
        })
        .optional(),
    },
    { error: 'is required: {communes: [codes]}, {polygon: GeoJSON Polygon} or {circle: {lat, lng, radiusM}}' },
  )
  .refine((a) => [a.communes, a.polygon, a.circle].filter((x) => x !== undefined).length === 1, {
    message: 'give exactly one of communes, polygon, circle',
  });

export const alertInputSchema = z
  .strictObject({
    title: text(200),
    body: text(4000),
    titleEn: optionalText(200),
    bodyEn: optionalText(4000),
    category: z.enum(ALERT_CATEGORY_CODES, { error: `must be one of ${ALERT_CATEGORY_CODES.join(', ')}` }),
    severity: z.enum(CAP_SEVERITIES, { error: `must be one of ${CAP_SEVERITIES.join(', ')}` }),
    urgency: z.enum(CAP_URGENCIES, { error: `must be one of ${CAP_URGENCIES.join(', ')}` }),
    certainty: z.enum(CAP_CERTAINTIES, { error: `must be one of ${CAP_CERTAINTIES.join(', ')}` }),
    effective: time,
    expires: time,
    area: alertAreaSchema,
  })
  .refine((a) => Date.parse(a.expires) > Date.parse(a.effective), {
    message: 'must be after effective',
    path: ['expires'],
  })
  .refine((a) => Date.parse(a.expires) > Date.now(), { message: 'must be in the future', path: ['expires'] })
  .refine((a) => !a.bodyEn || a.titleEn, { message: 'is required when bodyEn is given', path: ['titleEn'] });

export type AlertInput = z.infer<typeof alertInputSchema>;
export type AlertAreaInput = z.infer<typeof alertAreaSchema>;

export const cancelAlertSchema = z.strictObject({ note: optionalText(500) });

/** A power/water company's cut schedule, as CSV text (see ingest/alerts/outage-schedule.ts for the columns). */
export const outageImportSchema = z.strictObject({
  csv: z.string({ error: 'is required' }).min(1, 'is required').max(200_000, 'at most 200 kB'),
  utility: z.enum(['power', 'water'], { error: "must be 'power' or 'water'" }),
  leadMinutes: z
    .number({ error: 'must be a number of minutes' })
    .int()
    .min(0)
    .max(7 * 24 * 60, 'at most 7 days')
    .default(120),
});
