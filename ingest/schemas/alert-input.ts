// An alert as POST /api/v1/alerts (and its update) accepts it; each bad field is named in the 422.
import { z } from 'zod';
import { because, refusedBecause } from '../../domain/zod-reasons.ts';
import { ALERT_CATEGORY_CODES, CAP_CERTAINTIES, CAP_SEVERITIES, CAP_URGENCIES } from '../../domain/alert-vocabulary.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();
const time = z.iso.datetime({ offset: true, error: because('isoTimeWithOffset') });
const lng = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);

const position = z.tuple([lng, lat], { error: because('position') });
const ring = z
  .array(position)
  .min(4, because('ringTooShort'))
  .max(2000)
  .refine((r) => r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1], because('ringNotClosed'));

// One object with three optional shapes (not a union): a bad commune code is named at its own index.
export const alertAreaSchema = z
  .strictObject(
    {
      communes: z
        .array(z.string().regex(/^\d{5}$/, because('communeCode')), { error: because('codeList') })
        .min(1, because('atLeastOneCommune'))
        .max(200)
        .optional(),
      polygon: z
        .strictObject({
          type: z.literal('Polygon', { error: because('polygonType') }),
          coordinates: z.array(ring).min(1, because('needsOuterRing')).max(20),
        })
        .optional(),
      circle: z
        .strictObject({
          lat,
          lng,
          radiusM: z.number().min(50).max(100_000),
        })
        .optional(),
    },
    { error: because('alertArea') },
  )
  .refine(
    (a) => [a.communes, a.polygon, a.circle].filter((x) => x !== undefined).length === 1,
    refusedBecause('exactlyOneOf', ['communes', 'polygon', 'circle']),
  );

export const alertInputSchema = z
  .strictObject({
    title: text(200),
    body: text(4000),
    titleEn: optionalText(200),
    bodyEn: optionalText(4000),
    category: z.enum(ALERT_CATEGORY_CODES),
    severity: z.enum(CAP_SEVERITIES),
    urgency: z.enum(CAP_URGENCIES),
    certainty: z.enum(CAP_CERTAINTIES),
    effective: time,
    expires: time,
    area: alertAreaSchema,
  })
  .refine((a) => Date.parse(a.expires) > Date.parse(a.effective), {
    ...refusedBecause('mustBeAfter', 'effective'),
    path: ['expires'],
  })
  .refine((a) => Date.parse(a.expires) > Date.now(), { message: because('mustBeInFuture'), path: ['expires'] })
  .refine((a) => !a.bodyEn || a.titleEn, { ...refusedBecause('requiredWhen', 'bodyEn'), path: ['titleEn'] });

export type AlertInput = z.infer<typeof alertInputSchema>;
export type AlertAreaInput = z.infer<typeof alertAreaSchema>;

export const cancelAlertSchema = z.strictObject({ note: optionalText(500) });

/** A power/water company's cut schedule, as CSV text (see ingest/alerts/outage-schedule.ts for the columns). */
export const outageImportSchema = z.strictObject({
  csv: z.string().min(1).max(200_000, because('csvTooLarge')),
  utility: z.enum(['power', 'water'], { error: because('utility') }),
  leadMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60, because('atMost7Days'))
    .default(120),
});
