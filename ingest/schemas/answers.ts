// Answers to a category's questions, checked against their definitions: every bad answer is named.
// Pure; the API and Open311 (service attributes) both call it.
import { fieldIssue, reasons, type FieldIssue, type Reason } from '../../domain/errors.ts';
import type { AnswersDTO, QuestionDTO } from '../presenters/dto.ts';

const MAX_LENGTH = { string: 200, text: 4000 } as const;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const NUMERIC = /^\s*-?\d+(\.\d+)?\s*$/;

type Checked = { ok: true; value: string | number | string[] } | { ok: false; why: Reason };
const bad = (why: Reason): Checked => ({ ok: false, why });

const isBlank = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

function checkNumber(q: QuestionDTO, v: unknown): Checked {
  // Form posts and Open311 clients send numbers as text.
  const n = typeof v === 'number' ? v : typeof v === 'string' && NUMERIC.test(v) ? Number(v) : NaN;
  if (!Number.isFinite(n)) return bad(reasons.mustBeNumber);
  if (q.min !== undefined && n < q.min) return bad(reasons.atLeast(q.min));
  if (q.max !== undefined && n > q.max) return bad(reasons.atMost(q.max));
  return { ok: true, value: n };
}

function checkText(v: unknown, max: number): Checked {
  if (typeof v !== 'string') return bad(reasons.mustBeText);
  const s = v.trim();
  return s.length > max ? bad(reasons.atMostChars(max)) : { ok: true, value: s };
}

function checkDatetime(v: unknown): Checked {
  if (typeof v !== 'string' || !ISO_DATETIME.test(v.trim()) || Number.isNaN(Date.parse(v.trim())))
    return bad(reasons.isoDateOrTime);
  return { ok: true, value: v.trim() };
}

function checkChoices(q: QuestionDTO, v: unknown, many: boolean): Checked {
  const keys = (q.values ?? []).map((c) => c.key);
  const list: unknown[] = Array.isArray(v) ? v : [v];
  if (!many && Array.isArray(v)) return bad(reasons.singleChoice(keys));
  const picked: string[] = [];
  for (const item of list) {
    const key = typeof item === 'number' ? String(item) : item;
    if (typeof key !== 'string' || !keys.includes(key)) return bad(reasons.notAChoice({ value: String(item), keys }));
    if (!picked.includes(key)) picked.push(key);
  }
  return { ok: true, value: many ? picked : picked[0] };
}

function checkOne(q: QuestionDTO, v: unknown): Checked {
  switch (q.datatype) {
    case 'number':
      return checkNumber(q, v);
    case 'string':
    case 'text':
      return checkText(v, MAX_LENGTH[q.datatype]);
    case 'datetime':
      return checkDatetime(v);
    case 'singlevaluelist':
      return checkChoices(q, v, false);
    case 'multivaluelist':
      return checkChoices(q, v, true);
  }
}

/** The normalised answers (numbers as numbers, text trimmed, lists de-duplicated), or the issues at `answers.<code>`. */
export function checkAnswers(
  questions: readonly QuestionDTO[],
  raw: unknown,
  category: string,
): { answers: AnswersDTO; issues: FieldIssue[] } {
  const answers: AnswersDTO = {};
  const issues: FieldIssue[] = [];
  if (raw !== undefined && raw !== null && (typeof raw !== 'object' || Array.isArray(raw))) {
    return { answers, issues: [fieldIssue('answers', reasons.answersObject)] };
  }
  const given = (raw ?? {}) as Record<string, unknown>;
  const known = new Set(questions.map((q) => q.code));
  for (const code of Object.keys(given)) {
    if (!known.has(code)) issues.push(fieldIssue(`answers.${code}`, reasons.notAQuestionOf(category)));
  }
  for (const q of questions) {
    const v = given[q.code];
    if (isBlank(v)) {
      if (q.required) issues.push(fieldIssue(`answers.${q.code}`, reasons.required));
      continue;
    }
    const checked = checkOne(q, v);
    if (checked.ok) answers[q.code] = checked.value;
    else issues.push(fieldIssue(`answers.${q.code}`, checked.why));
  }
  return { answers, issues };
}
