// Routing rule changes as the administrator API accepts them.
import { z } from 'zod';
import { calendarDate } from './dates.ts';
import { because } from '../../domain/zod-reasons.ts';

const date = calendarDate();

export const newRoutingRuleSchema = z
  .strictObject({
    agencyId: z.string().min(1).max(64),
    category: z.string().min(1).max(64).nullable().default(null),
    areaCode: z
      .string()
      .regex(/^\d{5}$/, because('communeCode'))
      .nullable()
      .default(null),
    provinceCode: z
      .string()
      .regex(/^\d{2}$/, because('provinceCode'))
      .nullable()
      .default(null),
    effectiveFrom: date,
    note: z.string().max(500).nullable().default(null),
  })
  .refine((r) => !(r.areaCode && r.provinceCode), {
    message: because('areaOrProvince'),
    path: ['areaCode'],
  });

export const endRoutingRuleSchema = z.strictObject({ effectiveTo: date });

export type NewRoutingRuleInput = z.infer<typeof newRoutingRuleSchema>;
