import { describe, expect, it } from 'vitest';
import { interpolateHouse, parseStreetAddress, streetNameScore } from './street-address.ts';

describe('parseStreetAddress', () => {
  it.each([
    ['số 12 Lê Lợi, P. Hạc Thành, TP Thanh Hóa', 12, 'le loi', ['P. Hạc Thành', 'TP Thanh Hóa']],
    ['12 đường Lê Lợi', 12, 'le loi', []],
    ['Phố Trần Phú, Quảng Lợi cũ, Thanh Hóa', null, 'tran phu', ['Quảng Lợi cũ', 'Thanh Hóa']],
    ['sn 45A Bà Triệu; Sầm Sơn', 45, 'ba trieu', ['Sầm Sơn']],
  ])('%s', (raw, house, street, rest) => {
    expect(parseStreetAddress(raw)).toEqual({ houseNumber: house, street, areaParts: rest });
  });
  it('refuses a number alone', () => expect(parseStreetAddress('12')).toBeNull());
});

describe('interpolateHouse', () => {
  const line = {
    coordinates: [
      [105.77, 19.8],
      [105.78, 19.8],
      [105.78, 19.81],
    ] as [number, number][],
    houseFrom: 2,
    houseTo: 102,
    interpolation: 'even' as const,
  };
  it('walks along the line in proportion to the number', () => {
    expect(interpolateHouse(line, 2)).toEqual([105.77, 19.8]);
    expect(interpolateHouse(line, 102)![1]).toBeCloseTo(19.81, 6);
    const mid = interpolateHouse(line, 52)!;
    // The first leg is ~0.94 of the second's length (longitude shrinks by cos 19.8°), so halfway is near the corner.
    expect(mid[0]).toBeGreaterThan(105.779);
    expect(mid[1]).toBeLessThan(19.8006);
  });
  it('refuses numbers outside the range or on the other side of the street', () => {
    expect(interpolateHouse(line, 104)).toBeNull();
    expect(interpolateHouse(line, 13)).toBeNull();
    expect(interpolateHouse({ ...line, houseFrom: null }, 10)).toBeNull();
  });
});

describe('streetNameScore', () => {
  it('ranks exact over prefix over words', () => {
    expect(streetNameScore('le loi', 'le loi')).toBe(100);
    expect(streetNameScore('le l', 'le loi')).toBe(80);
    expect(streetNameScore('loi', 'le loi')).toBe(60);
    expect(streetNameScore('le lai', 'le loi')).toBe(0);
  });
});
