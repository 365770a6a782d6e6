// Dates as every schema accepts them: well-formed, real (no 30 February) and within what Postgres can store
// (it has no year 0), so a date never reaches the database only to be refused there as a 500.
import { z } from 'zod';
import { because, refusedBecause } from '../../domain/zod-reasons.ts';

const MIN_YEAR = 1900;
const MAX_YEAR = 9999;
const YEARS = refusedBecause('yearBetween', { min: MIN_YEAR, max: MAX_YEAR });
const inRange = (ms: number) => {
  const year = new Date(ms).getUTCFullYear();
  return Number.isFinite(ms) && year >= MIN_YEAR && year <= MAX_YEAR;
};

/** An ISO 8601 date-time with an offset, between the years 1900 and 9999. */
export const isoDateTime = () => z.iso.datetime({ offset: true }).refine((d) => inRange(Date.parse(d)), YEARS);

/** A calendar day YYYY-MM-DD that exists (Date.parse alone accepts 2027-02-30). */
export const calendarDate = () =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, because('calendarDate'))
    .refine((d) => {
      const ms = Date.parse(`${d}T00:00:00Z`);
      return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === d;
    }, because('notARealDate'))
    .refine((d) => inRange(Date.parse(`${d}T00:00:00Z`)), YEARS);
