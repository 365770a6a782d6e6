import { describe, expect, it } from 'vitest';
import type { QuestionDTO } from '../presenters/dto.ts';
import { checkAnswers } from './answers.ts';

const yesNo = [
  { key: 'yes', name: 'Có', nameEn: 'Yes' },
  { key: 'no', name: 'Không', nameEn: 'No' },
];
const QUESTIONS: QuestionDTO[] = [
  { code: 'depth', datatype: 'number', required: true, label: 'Độ sâu', labelEn: 'Depth', min: 0, max: 300 },
  { code: 'blocked', datatype: 'singlevaluelist', required: false, label: 'Chắn', labelEn: 'Blocked', values: yesNo },
  {
    code: 'kinds',
    datatype: 'multivaluelist',
    required: false,
    label: 'Loại',
    labelEn: 'Kinds',
    values: [
      { key: 'a', name: 'A', nameEn: 'A' },
      { key: 'b', name: 'B', nameEn: 'B' },
    ],
  },
  { code: 'pole', datatype: 'string', required: false, label: 'Cột', labelEn: 'Pole' },
  { code: 'story', datatype: 'text', required: false, label: 'Kể', labelEn: 'Story' },
  { code: 'when', datatype: 'datetime', required: false, label: 'Khi', labelEn: 'When' },
];

const check = (raw: unknown) => checkAnswers(QUESTIONS, raw, 'flooding');
const reasons = (raw: unknown) => Object.fromEntries(check(raw).issues.map((i) => [i.field, i.reason]));

describe('checkAnswers', () => {
  it('accepts good answers and normalises them', () => {
    const r = check({
      depth: '40',
      blocked: 'yes',
      kinds: ['b', 'a', 'b'],
      pole: '  TH-12 ',
      story: 'nước lên nhanh',
      when: '2026-12-05T08:30:00+07:00',
    });
    expect(r.issues).toEqual([]);
    expect(r.answers).toEqual({
      depth: 40,
      blocked: 'yes',
      kinds: ['b', 'a'],
      pole: 'TH-12',
      story: 'nước lên nhanh',
      when: '2026-12-05T08:30:00+07:00',
    });
  });

  it('names a missing required answer, and skips blank optional ones', () => {
    expect(reasons({})).toEqual({ 'answers.depth': 'is required' });
    expect(reasons(undefined)).toEqual({ 'answers.depth': 'is required' });
    expect(reasons({ depth: 1, blocked: '', kinds: [] })).toEqual({});
    expect(check({ depth: 1, blocked: '', kinds: [] }).answers).toEqual({ depth: 1 });
  });

  it.each([
    [{ depth: 'deep' }, 'answers.depth', 'must be a number'],
    [{ depth: -1 }, 'answers.depth', 'must be >= 0'],
    [{ depth: 301 }, 'answers.depth', 'must be <= 300'],
    [{ depth: Infinity }, 'answers.depth', 'must be a number'],
    [{ depth: 1, blocked: 'maybe' }, 'answers.blocked', "'maybe' is not a choice: must be one of yes, no"],
    [{ depth: 1, blocked: ['yes'] }, 'answers.blocked', 'must be a single choice: must be one of yes, no'],
    [{ depth: 1, kinds: ['a', 'z'] }, 'answers.kinds', "'z' is not a choice: must be one of a, b"],
    [{ depth: 1, pole: 12 }, 'answers.pole', 'must be text'],
    [{ depth: 1, pole: 'x'.repeat(201) }, 'answers.pole', 'must be at most 200 characters'],
    [{ depth: 1, story: 'x'.repeat(4001) }, 'answers.story', 'must be at most 4000 characters'],
    [{ depth: 1, when: 'yesterday' }, 'answers.when', 'must be an ISO 8601 date or date-time'],
    [{ depth: 1, when: '2026-13-45' }, 'answers.when', 'must be an ISO 8601 date or date-time'],
    [{ depth: 1, colour: 'red' }, 'answers.colour', "is not a question of category 'flooding'"],
  ])('%j -> %s %s', (raw, field, reason) => {
    expect(reasons(raw)).toEqual({ [field]: reason });
  });

  it('names every bad answer at once', () => {
    expect(Object.keys(reasons({ blocked: 'x', kinds: ['q'], extra: 1 })).sort()).toEqual([
      'answers.blocked',
      'answers.depth',
      'answers.extra',
      'answers.kinds',
    ]);
  });

  it('refuses answers that are not an object', () => {
    expect(reasons([1, 2])).toEqual({ answers: 'must be an object of question code to answer' });
    expect(reasons('depth=3')).toEqual({ answers: 'must be an object of question code to answer' });
  });

  it('a category without questions takes no answers', () => {
    expect(checkAnswers([], { a: 1 }, 'other').issues).toEqual([
      {
        field: 'answers.a',
        reason: "is not a question of category 'other'",
        reasonVi: "không phải câu hỏi của loại 'other'",
      },
    ]);
    expect(checkAnswers([], undefined, 'other')).toEqual({ answers: {}, issues: [] });
  });
});
