// Tracking codes (old TH-2026-001316 and random TH-7KQ4-9XPM alike) and the reporter's follow-up bodies.
import { z } from 'zod';
import { errors } from '../../domain/errors.ts';
import { because } from '../../domain/zod-reasons.ts';

const CROCKFORD = /^[0-9A-HJKMNP-TV-Z]{4}$/;
// Crockford base32 reads I and L as 1, O as 0: a code copied by hand still works.
const crockford = (group: string) => group.replace(/[IL]/g, '1').replace(/O/g, '0');

/** The stored form of a code as typed (case, look-alike letters), or 400 naming `code`. */
export function normaliseTrackingCode(raw: string): string {
  const code = raw.trim().toUpperCase();
  const random = /^([A-Z0-9]{1,10})-([0-9A-Z]{4})-([0-9A-Z]{4})$/.exec(code);
  if (random && CROCKFORD.test(crockford(random[2])) && CROCKFORD.test(crockford(random[3])))
    return `${random[1]}-${crockford(random[2])}-${crockford(random[3])}`;
  if (/^[A-Z0-9]{1,10}-\d{4}-\d{6,12}$/.test(code)) return code;
  throw errors.invalidTrackingCode();
}

const secret = z.string().min(1).max(200);

export const ratingSchema = z.strictObject({
  secret,
  stars: z
    .number({ error: because('starRating') })
    .int(because('starRating'))
    .min(1, because('starRating'))
    .max(5, because('starRating')),
  comment: z.string().trim().max(2000).optional(),
});

export const reopenSchema = z.strictObject({
  secret,
  reason: z.string().trim().min(3).max(2000),
});

export const confirmSchema = z.strictObject({ secret });
