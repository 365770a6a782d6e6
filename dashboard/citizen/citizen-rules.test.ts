// The citizen form's own rules, table-driven: what blocks a screen, which failures the offline queue retries,
// and which path opens which page.
import { describe, expect, it } from 'vitest';
import { whoProblem, type WhoState } from './report/who-step.tsx';
import { missingAnswers } from './report/question-field.tsx';
import { isTransient } from './offline/report-queue.ts';
import { CitizenApiError } from './citizen-api.ts';
import { resolvePath, routes } from '../views/routes.tsx';
import type { QuestionDTO } from './types.ts';

const who = (w: Partial<WhoState>): WhoState => ({ anonymous: false, name: '', phone: '', consent: false, ...w });

describe('who may send', () => {
  it.each([
    [who({}), null],
    [who({ anonymous: true, phone: 'not a phone' }), null],
    [who({ name: 'Lan' }), 'who.consentRequired'],
    [who({ name: 'Lan', consent: true }), null],
    [who({ phone: '0912 345 678', consent: true }), null],
    [who({ phone: '12', consent: true }), 'who.phoneInvalid'],
  ])('%o -> %s', (w, problem) => expect(whoProblem(w)).toBe(problem));
});

describe('required questions', () => {
  const q = (code: string, required: boolean): QuestionDTO => ({
    code,
    datatype: 'string',
    required,
    label: code,
    labelEn: code,
  });
  const questions = [q('depth', true), q('note', false), q('kind', true)];
  it.each([
    [{}, ['depth', 'kind']],
    [{ depth: 0 }, ['kind']],
    [{ depth: 40, kind: '' }, ['kind']],
    [{ depth: 40, kind: ['a'] }, []],
  ])('answers %o miss %o', (answers, missing) => expect(missingAnswers(questions, answers)).toEqual(missing));
});

describe('the offline queue retries only what may succeed later', () => {
  it.each([
    [new TypeError('Failed to fetch'), true],
    [new CitizenApiError(503, 'down', 'lỗi'), true],
    [new CitizenApiError(429, 'slow down', 'chậm lại'), true],
    [new CitizenApiError(408, 'timeout', 'quá giờ'), true],
    [new CitizenApiError(422, 'bad', 'sai'), false],
    [new CitizenApiError(409, 'key reused', 'trùng khóa'), false],
  ])('%s -> %s', (e, transient) => expect(isTransient(e)).toBe(transient));
});

describe('citizen paths', () => {
  it.each([
    ['/report', '/report'],
    ['/report/', '/report'],
    ['/track/TH-7KQ4-9XPM', '/track'],
    ['/track', '/track'],
  ])('%s opens %s', (path, view) => expect(resolvePath(path).view).toBe(routes[view]));
  it('an unknown page under /trackx is not the tracking page', () => expect(resolvePath('/trackx').view).toBeNull());
});
