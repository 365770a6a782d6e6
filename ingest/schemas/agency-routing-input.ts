// Routing rule changes as the administrator API accepts them.
import { z } from 'zod';
import { calendarDate } from './dates.ts';

const date = calendarDate();

export const newRoutingRuleSchema = z
  .strictObject({
    agencyId: z.string({ error: 'is required' }).min(1, 'is required').max(64),
    category: z.string().min(1).max(64).nullable().default(null),
    areaCode: z
      .string()
      .regex(/^\d{5}$/, 'must be a 5-digit commune code')
      .nullable()
      .default(null),
    provinceCode: z
      .string()
      .regex(/^\d{2}$/, 'must be a 2-digit province code')
      .nullable()
      .default(null),
    effectiveFrom: date,
    note: z.string().max(500).nullable().default(null),
  })
  .refine((r) => !(r.areaCode && r.provinceCode), {
    message: 'give either areaCode or provinceCode, not both',
    path: ['areaCode'],
  });

export const endRoutingRuleSchema = z.strictObject({ effectiveTo: date });

export type NewRoutingRuleInput = z.infer<typeof newRoutingRuleSchema>;
