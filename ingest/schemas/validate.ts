// Turns a zod failure into a 422 that names each field and the reason, in English and Vietnamese.
import type { z } from 'zod';
import { errors, fieldIssue, reasons, type DomainError, type FieldIssue } from '../../domain/errors.ts';
import { reasonOf } from './zod-reasons.ts';

/** The one 422 for bad input: each field and its reason. */
export const invalidFields = (fields: FieldIssue[]): DomainError => errors.invalid(fields);

/** Each issue of a failed parse as the field it names and its catalogue reason. */
export function fieldIssuesOf(error: z.ZodError, prefix: string[] = []): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const at = [...prefix, ...issue.path.map(String)];
    // An unknown key is reported at the key itself, so the caller sees which one to remove.
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => fieldIssue([...at, key].join('.'), reasons.notAcceptedField));
    return [fieldIssue(at.length ? at.join('.') : '(body)', reasonOf(issue))];
  });
}

/** Parses with the input kept on each issue: a missing field reads "is required", a wrong one its type. */
export const parseChecked = <S extends z.ZodType>(schema: S, input: unknown) =>
  schema.safeParse(input, { reportInput: true });

export function parseOr422<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = parseChecked(schema, input);
  if (result.success) return result.data;
  throw invalidFields(fieldIssuesOf(result.error));
}
