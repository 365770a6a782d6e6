// report-shell.html copies the first screen's Vietnamese strings: when one changes in strings.ts, the static
// screen a phone paints first must change with it (or the page would flash old words).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('the static first screen of /report', () => {
  const shell = read('./report-shell.html').replace(/<!--[\s\S]*?-->/g, '');
  const strings = read('../strings.ts') + read('../../i18n/dictionary.ts');
  const texts = [...shell.matchAll(/>([^<>]+)</g), ...shell.matchAll(/placeholder="([^"]+)"/g)]
    .map((m) => m[1].trim())
    .filter(Boolean);

  it('shows only strings the live form shows', () => {
    expect(texts).toContain('Dùng vị trí của tôi');
    // "Bước 1/3" is the step label and the count.
    for (const text of texts.map((t) => t.replace(/^Bước \d\/\d$/, 'Bước')))
      expect(strings, `"${text}" is not a string of the form`).toContain(`'${text}'`);
  });

  it('names no test id, so nothing waits on it as if the live form were there', () => {
    expect(shell).not.toContain('data-testid');
    expect(shell.match(/<button/g)?.length).toBe(shell.match(/<button[^>]* disabled>/g)?.length);
  });
});
