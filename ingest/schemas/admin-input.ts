// Bodies of the administration API (/api/v1/admin/...). Unknown keys are refused.
import { AUDIT_ENTITIES } from '../../domain/audit-entities.ts';
import { z } from 'zod';
import { ROLES } from '../../domain/roles.ts';
import { calendarDate } from './dates.ts';
import { because } from '../../domain/zod-reasons.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const SLA_UNITS = ['hours', 'working_days'] as const;
const amount = z.number().int().min(1).max(8760);
const unit = z.enum(SLA_UNITS);
const ONE_TO_FOUR = because('priority1to4');
const priority = z.number().int().min(1, ONE_TO_FOUR).max(4, ONE_TO_FOUR);

export const slaSchema = z.strictObject({
  responseAmount: amount,
  responseUnit: unit,
  resolutionAmount: amount,
  resolutionUnit: unit,
  priority: priority.optional(),
});

export const holidaySchema = z.strictObject({
  day: calendarDate(),
  dayOff: z.boolean().default(true),
  nameVi: text(200),
  nameEn: text(200),
});

export const holidaysQuerySchema = z.object({
  year: z.coerce.number().int().min(2000, because('year2000to2100')).max(2100, because('year2000to2100')),
});

export const staffChangeSchema = z.strictObject({
  role: z.enum(ROLES).optional(),
  agencyId: z.string().max(64).nullable().optional(),
  unitId: z.string().max(64).nullable().optional(),
  displayName: text(200).optional(),
  active: z.boolean().optional(),
});

export const unitSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{2,64}$/, because('unitId')),
  agencyId: z.string().min(1).max(64),
  name: text(200),
  trade: z.string().max(32).nullable().default(null),
});

export const routingPreviewSchema = z.object({
  category: z.string().min(1).max(64),
  lat: z.coerce.number().min(-90).max(90),
  lng: z.coerce.number().min(-180).max(180),
  date: calendarDate().optional(),
});

export const auditQuerySchema = z.object({
  entity: z.enum(AUDIT_ENTITIES).optional(),
  entityId: z.string().max(64).optional(),
  before: z
    .string()
    .regex(/^\d{1,18}$/, because('auditId'))
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Path parameters: a category code (or '*', the fallback row) and a calendar day. */
export const slaCategoryParam = z.object({
  category: z.string().regex(/^(\*|[a-z_]{2,64})$/, because('categoryCodeOrStar')),
});
export const slaPriorityParam = z.object({
  priority: z.coerce.number({ error: ONE_TO_FOUR }).int(ONE_TO_FOUR).min(1, ONE_TO_FOUR).max(4, ONE_TO_FOUR),
});
export const holidayDayParam = z.object({ day: calendarDate() });

export const cannedReplySchema = z.strictObject({
  category: z.string().max(64).nullable().default(null),
  text: text(2000),
});
