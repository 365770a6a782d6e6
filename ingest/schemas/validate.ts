// Turns a zod failure into a 422 that names each field and the reason.
import type { z } from 'zod';
import { errors, type DomainError, type FieldIssue } from '../../domain/errors.ts';

/** The one 422 for bad input: each field and its reason. */
export const invalidFields = (fields: FieldIssue[]): DomainError => errors.invalid(fields);

export function parseOr422<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = result.error.issues.flatMap((issue) => {
    const at = issue.path.map(String);
    // An unknown key is reported at the key itself, so the caller sees which one to remove.
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({ field: [...at, key].join('.'), reason: 'is not an accepted field' }));
    return [{ field: at.length ? at.join('.') : '(body)', reason: issue.message }];
  });
  throw invalidFields(fields);
}
