// A zod issue as a catalogue reason (domain/error-catalogue/reasons.ts): a schema names its own reason where zod
// takes a message (`because('phone')`), and every other issue is worded from its code and limits. The one mapping
// HTTP (ingest/schemas/validate.ts) and sockets (realtime/rooms.ts) share; zod's types only, erased at run time.
import type { z } from 'zod';
import { fieldIssue, reasons, type FieldIssue, type Reason, type ReasonName } from './errors.ts';

type Named = { [K in ReasonName]: (typeof reasons)[K] extends Reason ? K : never }[ReasonName];
type Worded = Exclude<ReasonName, Named>;
type Issue = z.core.$ZodIssue;

/** A catalogue reason for a schema check, given where zod takes its words: `.regex(RE, because('phone'))`. */
export const because = (name: Named): string => name;

type Facts = { [K in Worded]: (typeof reasons)[K] extends (p: infer P) => Reason ? P : never };

/** For `.refine()`: a reason worded with facts (`{ min, max }`), passed as the issue's params. */
export const refusedBecause = <K extends Worded>(name: K, params: Facts[K]) => ({
  message: name,
  params: { reason: params },
});

const isName = (message: string): message is ReasonName => Object.hasOwn(reasons, message);

function named(issue: Issue): Reason | null {
  if (!isName(issue.message)) return null;
  const entry = reasons[issue.message];
  if (typeof entry !== 'function') return entry;
  const params = issue.code === 'custom' ? (issue.params as { reason?: unknown } | undefined)?.reason : undefined;
  return params === undefined ? null : (entry as (p: unknown) => Reason)(params);
}

const TYPES: Partial<Record<string, Reason>> = {
  string: reasons.mustBeString,
  number: reasons.mustBeNumber,
  int: reasons.mustBeWholeNumber,
  boolean: reasons.mustBeBoolean,
  array: reasons.mustBeList,
  tuple: reasons.mustBeList,
  object: reasons.mustBeObject,
  record: reasons.mustBeObject,
};

const FORMATS: Partial<Record<string, Reason>> = {
  url: reasons.mustBeUrl,
  email: reasons.mustBeEmail,
  datetime: reasons.isoDateTime,
  date: reasons.calendarDate,
};

function worded(issue: Issue): Reason {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? reasons.required
        : (TYPES[issue.expected] ?? reasons.mustBeType(issue.expected));
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string')
        return issue.exact ? reasons.exactChars(n) : n === 1 ? reasons.required : reasons.atLeastChars(n);
      if (issue.origin === 'array' || issue.origin === 'set') return reasons.atLeastItems(n);
      return issue.inclusive === false ? reasons.above(n) : reasons.atLeast(n);
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return issue.exact ? reasons.exactChars(n) : reasons.atMostChars(n);
      if (issue.origin === 'array' || issue.origin === 'set') return reasons.atMostItems(n);
      return issue.inclusive === false ? reasons.below(n) : reasons.atMost(n);
    }
    case 'invalid_value':
      return reasons.oneOf(issue.values);
    case 'invalid_format':
      return FORMATS[issue.format] ?? reasons.wrongFormat;
    case 'not_multiple_of':
      return reasons.multipleOf(Number(issue.divisor));
    case 'unrecognized_keys':
      return reasons.notAcceptedField;
    case 'invalid_union':
      return reasons.noAcceptedForm;
    default:
      return reasons.notValid;
  }
}

/** The reason of one issue: the schema's named one, or one worded from what failed. */
export const reasonOf = (issue: Issue): Reason => named(issue) ?? worded(issue);

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
