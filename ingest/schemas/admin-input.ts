// Bodies of the administration API (/api/v1/admin/...). Unknown keys are refused.
import { AUDIT_ENTITIES } from '../../domain/audit-entities.ts';
import { z } from 'zod';
import { ROLES } from '../../domain/roles.ts';
import { calendarDate } from './dates.ts';

const text = (max: number) =>
  z.string({ error: 'must be a string' }).trim().min(1, 'is required').max(max, `must be at most ${max} characters`);
const SLA_UNITS = ['hours', 'working_days'] as const;
const amount = z.number({ error: 'must be a number' }).int('must be whole').min(1, 'must be at least 1').max(8760);
const unit = z.enum(SLA_UNITS, { error: `must be one of ${SLA_UNITS.join(', ')}` });

export const slaSchema = z.strictObject({
  responseAmount: amount,
  responseUnit: unit,
  resolutionAmount: amount,
  resolutionUnit: unit,
  priority: z.number({ error: 'must be a number' }).int().min(1, 'must be 1-4').max(4, 'must be 1-4').optional(),
});

export const holidaySchema = z.strictObject({
  day: calendarDate(),
  dayOff: z.boolean({ error: 'must be true or false' }).default(true),
  nameVi: text(200),
  nameEn: text(200),
});

export const holidaysQuerySchema = z.object({
  year: z.coerce
    .number({ error: 'must be a year' })
    .int()
    .min(2000, 'must be 2000-2100')
    .max(2100, 'must be 2000-2100'),
});

export const staffChangeSchema = z.strictObject({
  role: z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` }).optional(),
  agencyId: z.string().max(64).nullable().optional(),
  unitId: z.string().max(64).nullable().optional(),
  displayName: text(200).optional(),
  active: z.boolean({ error: 'must be true or false' }).optional(),
});

export const unitSchema = z.strictObject({
  id: z.string({ error: 'is required' }).regex(/^[a-z0-9-]{2,64}$/, 'must be 2-64 of a-z 0-9 -'),
  agencyId: z.string({ error: 'is required' }).min(1, 'is required').max(64),
  name: text(200),
  trade: z.string().max(32).nullable().default(null),
});

export const routingPreviewSchema = z.object({
  category: z.string({ error: 'is required' }).min(1, 'is required').max(64),
  lat: z.coerce.number({ error: 'must be a number' }).min(-90).max(90),
  lng: z.coerce.number({ error: 'must be a number' }).min(-180).max(180),
  date: calendarDate().optional(),
});

export const auditQuerySchema = z.object({
  entity: z.enum(AUDIT_ENTITIES).optional(),
  entityId: z.string().max(64).optional(),
  before: z
    .string()
    .regex(/^\d{1,18}$/, 'must be an audit id')
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Path parameters: a category code (or '*', the fallback row) and a calendar day. */
export const slaCategoryParam = z.object({
  category: z.string().regex(/^(\*|[a-z_]{2,64})$/, 'must be a category code or *'),
});
export const slaPriorityParam = z.object({
  priority: z.coerce.number({ error: 'must be 1-4' }).int('must be 1-4').min(1, 'must be 1-4').max(4, 'must be 1-4'),
});
export const holidayDayParam = z.object({ day: calendarDate() });

export const cannedReplySchema = z.strictObject({
  category: z.string().max(64).nullable().default(null),
  text: text(2000),
});
