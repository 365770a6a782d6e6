import { describe, expect, it } from 'vitest';
import { SharedAnswers } from './shared-answers.ts';

describe('SharedAnswers', () => {
  it('shares one load between callers within the interval, and loads again after it', async () => {
    let t = 0;
    let loads = 0;
    const answers = new SharedAnswers<number>(1000, 10, () => t);
    const load = () => Promise.resolve(++loads);
    const first = await Promise.all([
      answers.get('stats', load),
      answers.get('stats', load),
      answers.get('stats', load),
    ]);
    expect(first).toEqual([1, 1, 1]);
    t = 999;
    expect(await answers.get('stats', load)).toBe(1);
    t = 1000;
    expect(await answers.get('stats', load)).toBe(2);
    expect(await answers.get('other', load)).toBe(3);
  });

  it('forgets its answers after a write, within the interval', async () => {
    let loads = 0;
    const answers = new SharedAnswers<number>(1000, 10, () => 0);
    const load = () => Promise.resolve(++loads);
    expect(await answers.get('active', load)).toBe(1);
    expect(await answers.get('active', load)).toBe(1);
    answers.forget();
    expect(await answers.get('active', load)).toBe(2);
  });

  it('does not keep a failure: the next caller loads again', async () => {
    const answers = new SharedAnswers<string>(1000, 10, () => 0);
    await expect(answers.get('k', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await answers.get('k', () => Promise.resolve('ok'))).toBe('ok');
  });

  it('holds a bounded number of keys', async () => {
    let loads = 0;
    const answers = new SharedAnswers<number>(1000, 3, () => 0);
    for (const k of ['a', 'b', 'c', 'd']) await answers.get(k, () => Promise.resolve(++loads));
    expect(loads).toBe(4);
    expect(await answers.get('a', () => Promise.resolve(++loads))).toBe(5); // 'a' was dropped when 'd' came
    expect(await answers.get('d', () => Promise.resolve(++loads))).toBe(4);
  });
});
