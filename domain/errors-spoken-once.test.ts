// The catalogue is the only place the product's errors are worded: a throw site that writes its own message (a new
// DomainError, an error body with its own messageVi) fails here, so a new one joins the catalogue instead.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['ingest', 'realtime', 'sql', 'geo'];
const WORDING = /new DomainError\(|new HttpError\(|messageVi:\s*['`"]/;

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
});
