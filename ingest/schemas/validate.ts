// Turns a zod failure into a 422 that names each field and the reason, in English and Vietnamese.
import type { z } from 'zod';
import { errors, type DomainError, type FieldIssue } from '../../domain/errors.ts';
import { fieldIssuesOf, parseChecked } from '../../domain/zod-reasons.ts';

/** The one 422 for bad input: each field and its reason. */
export const invalidFields = (fields: FieldIssue[]): DomainError => errors.invalid(fields);

export function parseOr422<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = parseChecked(schema, input);
  if (result.success) return result.data;
  throw invalidFields(fieldIssuesOf(result.error));
}
