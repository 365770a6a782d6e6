// Text as the product stores it: valid Unicode, NFC, no control characters and no bidi overrides. NUL and lone
// surrogates are refused rather than repaired: Postgres text cannot hold NUL, and a silent repair would hide the fault.
import { fieldIssue, reasons, type FieldIssue, type Reason } from '../../domain/errors.ts';

export type CleanResult = { ok: true; value: string } | { ok: false; why: Reason };

// C0 controls except tab, newline and carriage return; DEL and the C1 block.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// Embeddings, overrides and isolates (U+202A-202E, U+2066-2069): they reorder what a reader sees ("gnp.exe").
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function cleanText(raw: string, { keepVerbatim = false } = {}): CleanResult {
  if (raw.includes('\u0000')) return { ok: false, why: reasons.nulCharacter };
  if (LONE_SURROGATE.test(raw)) return { ok: false, why: reasons.loneSurrogate };
  // Secrets are compared byte for byte: refuse what cannot be stored, change nothing else.
  if (keepVerbatim) return { ok: true, value: raw };
  return { ok: true, value: raw.replace(CONTROLS, '').replace(BIDI_CONTROLS, '').normalize('NFC') };
}

export type TextIssue = FieldIssue;

/** Deeper than any accepted body; a walk this deep is an attack on the stack, not a report. */
export const MAX_DEPTH = 32;
const VERBATIM_KEYS = /password|secret|token/i;

/**
 * Cleans every string (keys included) in a parsed JSON value or query object. Returns the cleaned copy and the
 * fields it refused, named by their dotted path like the schemas' 422s.
 */
export function cleanDeep(value: unknown, path: string[] = [], issues: TextIssue[] = []): unknown {
  const field = path.length ? path.join('.') : '(body)';
  if (typeof value === 'string') {
    const result = cleanText(value, { keepVerbatim: VERBATIM_KEYS.test(path.at(-1) ?? '') });
    if (result.ok) return result.value;
    issues.push(fieldIssue(field, result.why));
    return value;
  }
  if (value === null || typeof value !== 'object') return value;
  if (path.length >= MAX_DEPTH) {
    issues.push(fieldIssue(field, reasons.tooDeep(MAX_DEPTH)));
    return value;
  }
  if (Array.isArray(value)) return value.map((v, i) => cleanDeep(v, [...path, String(i)], issues));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const cleanKey = cleanText(key);
    if (!cleanKey.ok) issues.push(fieldIssue([...path, key.replaceAll('\u0000', '\\0')].join('.'), cleanKey.why));
    out[cleanKey.ok ? cleanKey.value : key] = cleanDeep(v, [...path, key], issues);
  }
  return out;
}
