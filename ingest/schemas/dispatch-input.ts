// Bodies and queries of the dispatch API. Unknown keys are refused so a typo never passes silently.
import { z } from 'zod';
import { isoDateTime } from './dates.ts';
import { channelFilter } from './report-input.ts';
import { ROLES } from '../../domain/roles.ts';
import { REPORT_STATUSES as STATUSES, type ReportStatus } from '../../domain/report-status.ts';
import { UNIT_STATUSES } from '../../domain/unit-status.ts';
import { REJECT_REASONS } from '../policies/transitions.ts';

const text = (max: number) =>
  z.string({ error: 'must be a string' }).trim().max(max, `must be at most ${max} characters`);

export const loginSchema = z.strictObject({
  username: z.string({ error: 'is required' }).trim().min(1, 'is required').max(64, 'is too long'),
  password: z.string({ error: 'is required' }).min(1, 'is required').max(256, 'is too long'),
});

export const transitionSchema = z.strictObject({
  to: z.enum(STATUSES as [ReportStatus, ...ReportStatus[]], { error: `must be one of ${STATUSES.join(', ')}` }),
  note: text(4000).optional(),
  reason: z
    .enum(REJECT_REASONS as [string, ...string[]], { error: `must be one of ${REJECT_REASONS.join(', ')}` })
    .optional(),
  publicReply: text(4000).optional(),
  expectedVersion: z.number({ error: 'must be a number' }).int().positive().optional(),
});

export const assignSchema = z.strictObject({
  unitId: z.string({ error: 'is required' }).trim().min(1, 'is required').max(64),
  note: text(4000).optional(),
});

export const mergeSchema = z.strictObject({
  into: z.string({ error: 'is required' }).regex(/^\d{1,18}$/, 'must be a report id'),
  note: text(4000).optional(),
});

const coord = (what: string, min: number, max: number) =>
  z
    .number({ error: `must be a number (${what})` })
    .finite()
    .min(min, `must be >= ${min}`)
    .max(max, `must be <= ${max}`);

export const unitPositionSchema = z.strictObject({
  lat: coord('latitude', -90, 90),
  lng: coord('longitude', -180, 180),
  status: z.enum(UNIT_STATUSES, { error: `must be one of ${UNIT_STATUSES.join(', ')}` }).optional(),
});

export const unitStatusSchema = z.strictObject({
  status: z.enum(UNIT_STATUSES, { error: `must be one of ${UNIT_STATUSES.join(', ')}` }),
});

const list = z
  .string()
  .optional()
  .transform((v) =>
    v
      ? v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : undefined,
  );

export const QUEUE_SORTS = ['deadline', 'age', 'priority'] as const;

/** The filters of the queue, shared by its pages and its exports. */
export const queueFilterSchema = z.object({
  status: list.pipe(
    z.array(z.enum(STATUSES as [ReportStatus, ...ReportStatus[]], { error: 'unknown status' })).optional(),
  ),
  category: z.string().max(64).optional(),
  agency: z.string().max(64).optional(),
  commune: z.string().max(16).optional(),
  /** web, app, hotline, open311 (every client) or open311:<client>. */
  channel: channelFilter.optional(),
  since: isoDateTime().optional(),
  /** Tracking code, phone or words of the description; diacritics optional. */
  q: z.string().trim().max(200, 'must be at most 200 characters').optional(),
  /** supervisor = the escalation queue: overdue reports only. */
  view: z.enum(['all', 'supervisor']).default('all'),
  sort: z.enum(QUEUE_SORTS, { error: `must be one of ${QUEUE_SORTS.join(', ')}` }).default('deadline'),
});

export const queueQuerySchema = queueFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(1000).optional(),
});

const ids = z
  .array(z.string().regex(/^\d{1,18}$/, 'must be a report id'), { error: 'must be a list of report ids' })
  .min(1, 'must name at least one report')
  .max(200, 'at most 200 reports at once');

export const bulkTransitionSchema = z.strictObject({
  ids,
  to: z.enum(['triaged', 'rejected'], { error: 'must be triaged or rejected' }),
  reason: z
    .enum(REJECT_REASONS as [string, ...string[]], { error: `must be one of ${REJECT_REASONS.join(', ')}` })
    .optional(),
  note: text(4000).optional(),
});

export const bulkMergeSchema = z.strictObject({
  ids,
  into: z.string({ error: 'is required' }).regex(/^\d{1,18}$/, 'must be a report id'),
  note: text(4000).optional(),
});

export const savedFilterSchema = z.strictObject({
  name: text(80).min(1, 'is required'),
  query: z.record(z.string(), z.string().max(500), { error: 'must be an object of strings' }),
});

export const nearestQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(50).default(5) });

/** The one password rule: for accounts created with a password and for invitees setting theirs. */
export const newPassword = z.string({ error: 'is required' }).min(12, 'must be at least 12 characters').max(256);

export const newStaffSchema = z.strictObject({
  username: z
    .string({ error: 'is required' })
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,64}$/, 'must be 3-64 of a-z 0-9 . _ -'),
  displayName: text(200).min(1, 'is required'),
  password: newPassword,
  role: z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` }),
  agencyId: z.string().max(64).optional(),
  unitId: z.string().max(64).optional(),
});

/** An invited account: everything but the password, which the invitee sets. */
export const staffInviteSchema = newStaffSchema.omit({ password: true });
export const inviteTokenSchema = z.strictObject({ token: z.string({ error: 'is required' }).min(10).max(200) });
export const acceptInviteSchema = inviteTokenSchema.extend({ password: newPassword });

export const newUnitTokenSchema = z.strictObject({
  /** Which phone holds it ("spare phone", "Nguyễn's Android"), so an administrator knows which one to revoke. */
  label: text(200).default(''),
});
