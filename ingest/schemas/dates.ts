// Dates as every schema accepts them: well-formed, real (no 30 February) and within what Postgres can store
// (it has no year 0), so a date never reaches the database only to be refused there as a 500.
import { z } from 'zod';

const MIN_YEAR = 1900;
const MAX_YEAR = 9999;
const inRange = (ms: number) => {
  const year = new Date(ms).getUTCFullYear();
  return Number.isFinite(ms) && year >= MIN_YEAR && year <= MAX_YEAR;
};

/** An ISO 8601 date-time with an offset, between the years 1900 and 9999. */
export const isoDateTime = () =>
  z.iso
    .datetime({ offset: true, error: 'must be an ISO 8601 date-time' })
    .refine((d) => inRange(Date.parse(d)), `must be between the years ${MIN_YEAR} and ${MAX_YEAR}`);

/** A calendar day YYYY-MM-DD that exists (Date.parse alone accepts 2027-02-30). */
export const calendarDate = () =>
  z
    .string({ error: 'is required' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
    .refine((d) => {
      const ms = Date.parse(`${d}T00:00:00Z`);
      return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === d;
    }, 'is not a real date')
    .refine((d) => inRange(Date.parse(`${d}T00:00:00Z`)), `must be between the years ${MIN_YEAR} and ${MAX_YEAR}`);
