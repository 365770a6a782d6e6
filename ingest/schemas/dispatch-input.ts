// Bodies and queries of the dispatch API. Unknown keys are refused so a typo never passes silently.
import { z } from 'zod';
import { isoDateTime } from './dates.ts';
import { because } from '../../domain/zod-reasons.ts';
import { channelFilter } from './report-input.ts';
import { ROLES } from '../../domain/roles.ts';
import { REPORT_STATUSES as STATUSES, type ReportStatus } from '../../domain/report-status.ts';
import { UNIT_STATUSES } from '../../domain/unit-status.ts';
import { REJECT_REASONS } from '../policies/transitions.ts';

const text = (max: number) => z.string().trim().max(max);

export const loginSchema = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const transitionSchema = z.strictObject({
  to: z.enum(STATUSES as [ReportStatus, ...ReportStatus[]]),
  note: text(4000).optional(),
  reason: z.enum(REJECT_REASONS as [string, ...string[]]).optional(),
  publicReply: text(4000).optional(),
  expectedVersion: z.number().int().positive().optional(),
});

export const assignSchema = z.strictObject({
  unitId: z.string().trim().min(1).max(64),
  note: text(4000).optional(),
});

export const mergeSchema = z.strictObject({
  into: z.string().regex(/^\d{1,18}$/, because('reportId')),
  note: text(4000).optional(),
});

const coord = (min: number, max: number) => z.number().finite().min(min).max(max);

export const unitPositionSchema = z.strictObject({
  lat: coord(-90, 90),
  lng: coord(-180, 180),
  status: z.enum(UNIT_STATUSES).optional(),
});

export const unitStatusSchema = z.strictObject({
  status: z.enum(UNIT_STATUSES),
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
    z.array(z.enum(STATUSES as [ReportStatus, ...ReportStatus[]], { error: because('unknownStatus') })).optional(),
  ),
  category: z.string().max(64).optional(),
  agency: z.string().max(64).optional(),
  commune: z.string().max(16).optional(),
  /** web, app, hotline, open311 (every client) or open311:<client>. */
  channel: channelFilter.optional(),
  since: isoDateTime().optional(),
  /** Tracking code, phone or words of the description; diacritics optional. */
  q: z.string().trim().max(200).optional(),
  /** supervisor = the escalation queue: overdue reports only. */
  view: z.enum(['all', 'supervisor']).default('all'),
  sort: z.enum(QUEUE_SORTS).default('deadline'),
});

export const queueQuerySchema = queueFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(1000).optional(),
});

const ids = z
  .array(z.string().regex(/^\d{1,18}$/, because('reportId')), { error: because('reportIdList') })
  .min(1, because('atLeastOneReport'))
  .max(200, because('atMostReports'));

export const bulkTransitionSchema = z.strictObject({
  ids,
  to: z.enum(['triaged', 'rejected']),
  reason: z.enum(REJECT_REASONS as [string, ...string[]]).optional(),
  note: text(4000).optional(),
});

export const bulkMergeSchema = z.strictObject({
  ids,
  into: z.string().regex(/^\d{1,18}$/, because('reportId')),
  note: text(4000).optional(),
});

export const savedFilterSchema = z.strictObject({
  name: text(80).min(1),
  query: z.record(z.string(), z.string().max(500), { error: because('objectOfStrings') }),
});

export const nearestQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(50).default(5) });

/** The one password rule: for accounts created with a password and for invitees setting theirs. */
export const newPassword = z.string().min(12).max(256);

export const newStaffSchema = z.strictObject({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,64}$/, because('username')),
  displayName: text(200).min(1),
  password: newPassword,
  role: z.enum(ROLES),
  agencyId: z.string().max(64).optional(),
  unitId: z.string().max(64).optional(),
});

/** An invited account: everything but the password, which the invitee sets. */
export const staffInviteSchema = newStaffSchema.omit({ password: true });
export const inviteTokenSchema = z.strictObject({ token: z.string().min(10).max(200) });
export const acceptInviteSchema = inviteTokenSchema.extend({ password: newPassword });

export const newUnitTokenSchema = z.strictObject({
  /** Which phone holds it ("spare phone", "Nguyễn's Android"), so an administrator knows which one to revoke. */
  label: text(200).default(''),
});
