// The catalogue is the only place the product's errors are worded: a throw site that writes its own message (a new
// DomainError, an error body with its own messageVi) or its own field reason (`{ field, reason: 'must be …' }`, a
// zod check's `'must be …'` or `{ error: '…' }`) fails here, so a new one joins the catalogue (reasons.ts) instead.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['ingest', 'realtime', 'sql', 'geo'];
const WORDING = /new DomainError\(|new HttpError\(|messageVi:\s*['`"]/;
/** A field reason in words: a reason literal with a space, zod's `{ error | message: '…' }`, a check's `, 'must …'`. */
const WORDED_REASONS = [
  /\breason(Vi)?:\s*['`"][^'`"]*\s/g,
  /\b(error|message):\s*['`"]/g,
  /,\s*['`"](must|is|are|at most|at least|give|has|needs|unknown|no|cannot|not) /g,
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('errors are worded once, in domain/error-catalogue', () => {
  it('no source outside domain/ builds an error with its own words', () => {
    const offenders = [...ROOTS.flatMap(sources), 'main.ts'].flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (WORDING.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(offenders).toEqual([]);
  });

  it('no source outside domain/ words a field reason (domain/error-catalogue/reasons.ts has them, in both languages)', () => {
    const offenders = [...ROOTS.flatMap(sources), 'main.ts'].flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const lineOf = (index: number) => text.slice(0, index).split('\n').length;
      return WORDED_REASONS.flatMap((pattern) =>
        [...text.matchAll(pattern)].map((m) => `${file}:${lineOf(m.index)}: ${m[0].trim()}`),
      );
    });
    expect(offenders).toEqual([]);
  });

  it('the check finds worded reasons', () => {
    const worded = [
      "throw invalidFields([{ field: 'to', reason: 'must be after from' }]);",
      "z.string({ error: 'is required' })",
      ".regex(/^\\d{5}$/, 'must be a 5-digit commune code')",
      ".refine((a) => a.ok, {\n  message: 'give exactly one',\n})",
    ];
    for (const line of worded)
      expect(
        WORDED_REASONS.some((p) => line.match(p) !== null),
        line,
      ).toBe(true);
  });
});
