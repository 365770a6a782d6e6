// The one error type a domain operation ends with, and how a catalogue entry builds it. No HTTP here:
// the edges (ingest/http-error.ts, the Open311 mapper, raw sockets) decide how each kind is said.

/** What went wrong, as the caller must hear it; the edge decides how (HTTP status, Open311 code, socket message). */
export type ErrorKind =
  | 'bad_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'invalid'
  | 'too_large'
  | 'unsupported_type'
  | 'too_slow'
  | 'headers_too_large'
  | 'too_many'
  | 'internal'
  | 'unavailable';

/** Why a field was refused, in both languages (domain/error-catalogue/reasons.ts holds them all). */
export interface Reason {
  en: string;
  vi: string;
}

/** One refused field: `reason` in English (what API clients read), `reasonVi` for Vietnamese screens. */
export interface FieldIssue {
  field: string;
  reason: string;
  reasonVi: string;
}

/** The field and the catalogue reason it was refused for. */
export const fieldIssue = (field: string, why: Reason): FieldIssue => ({ field, reason: why.en, reasonVi: why.vi });

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly messageVi?: string,
    readonly fields?: FieldIssue[],
  ) {
    super(message);
  }
}

/** The error as every edge writes it: code, both languages, the fields at fault. */
export interface ErrorBody {
  error: { code: string; message: string; messageVi?: string; fields?: FieldIssue[] };
}

export const errorBody = (e: DomainError): ErrorBody => ({
  error: { code: e.code, message: e.message, messageVi: e.messageVi, fields: e.fields },
});

const bothLanguages = (vi: string | undefined, en: string): string => (vi && vi !== en ? `${vi} / ${en}` : en);

/**
 * The error as text, for an edge that has room for text only (Open311's descriptions, a refused socket's message):
 * one line per field at fault (`field: reasonVi / reason`), else its message; Vietnamese first, English beside it.
 */
export const errorLines = (error: ErrorBody['error']): string[] =>
  error.fields?.length
    ? error.fields.map((f) => `${f.field}: ${bothLanguages(f.reasonVi, f.reason)}`)
    : [bothLanguages(error.messageVi, error.message)];

/** `field: reason; field: reason`, the English list a message ends with. */
export const listed = (fields: FieldIssue[]): string => fields.map((f) => `${f.field}: ${f.reason}`).join('; ');

type Text<P> = string | ((p: P) => string);

/** One entry of the catalogue: its words in both languages, and the input field it names, if any. */
export interface ErrorEntry<P> {
  kind: ErrorKind | ((p: P) => ErrorKind);
  code: Text<P>;
  en: Text<P>;
  vi: Text<P>;
  /** The one field at fault; the English message reads `field: reason`. */
  field?: Text<P>;
  /** That field's reason in Vietnamese; the Vietnamese message when not given. */
  reasonVi?: Text<P>;
  /** Several fields at fault (a schema's issues). */
  fields?: (p: P) => FieldIssue[];
  /** Facts the edge needs besides the words (e.g. retryAfterS for Retry-After). */
  extra?: (p: P) => Record<string, unknown>;
}

const say = <P>(t: Text<P>, p: P): string => (typeof t === 'function' ? t(p) : t);

export type ErrorFactory<P> = ((params: P) => DomainError) & { readonly entry: ErrorEntry<P> };

/** Declares a catalogue entry; calling it builds the DomainError with its words. */
export function define<P = void>(entry: ErrorEntry<P>): ErrorFactory<P> {
  const build = (p: P): DomainError => {
    const reason = say(entry.en, p);
    const field = entry.field === undefined ? undefined : say(entry.field, p);
    const vi = say(entry.vi, p);
    const reasonVi = entry.reasonVi === undefined ? vi : say(entry.reasonVi, p);
    const fields = entry.fields?.(p) ?? (field === undefined ? undefined : [{ field, reason, reasonVi }]);
    const message = field !== undefined ? `${field}: ${reason}` : reason;
    const kind = typeof entry.kind === 'function' ? entry.kind(p) : entry.kind;
    const error = new DomainError(kind, say(entry.code, p), message, vi, fields);
    return entry.extra ? Object.assign(error, entry.extra(p)) : error;
  };
  return Object.assign(build, { entry });
}
