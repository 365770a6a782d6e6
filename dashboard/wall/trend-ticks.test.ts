import { describe, expect, it } from 'vitest';
import { trendTickFormat } from './trend-ticks.ts';

describe('trendTickFormat', () => {
  const at = new Date('2026-01-01T20:00:00Z');

  it('reads hours and days in the zone the stats answer names', () => {
    expect(trendTickFormat('en', 'Asia/Ho_Chi_Minh', 'hour')(at)).toBe('03:00');
    expect(trendTickFormat('en', 'UTC', 'hour')(at)).toBe('20:00');
    expect(trendTickFormat('en', 'Asia/Ho_Chi_Minh', 'day')(at)).toBe('02/01');
    expect(trendTickFormat('en', 'UTC', 'day')(at)).toBe('01/01');
  });

  it('writes Vietnamese labels day first', () => {
    expect(trendTickFormat('vi', 'Asia/Ho_Chi_Minh', 'day')(at)).toMatch(/^02\D01$/);
  });
});
