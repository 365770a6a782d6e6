import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.ts';
import { cellsQuerySchema, reportInputSchema } from './report-input.ts';
import { parseOr422 } from './validate.ts';

const valid = { category: 'road', description: 'Ổ gà lớn giữa đường', lat: 19.8075, lng: 105.7766 };

function fieldsOf(input: unknown): { field: string; reason: string }[] {
  try {
    parseOr422(reportInputSchema, input);
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).kind).toBe('invalid');
    return (e as DomainError).fields ?? [];
  }
  return [];
}

describe('report input validation', () => {
  it('accepts a complete report and trims text', () => {
    const parsed = parseOr422(reportInputSchema, {
      ...valid,
      description: '  Ổ gà  ',
      reporter: { name: ' An ', phone: '0912 345 678', anonymous: false },
    });
    expect(parsed.description).toBe('Ổ gà');
    expect(parsed.reporter?.name).toBe('An');
  });

  it.each([
    ['missing category', { ...valid, category: undefined }, 'category', /required/],
    ['empty category', { ...valid, category: '  ' }, 'category', /required/],
    ['short description', { ...valid, description: 'a' }, 'description', /at least 3/],
    ['long description', { ...valid, description: 'x'.repeat(4001) }, 'description', /at most 4000/],
    ['latitude as a string', { ...valid, lat: '19.8' }, 'lat', /must be a number/],
    ['latitude beyond 90', { ...valid, lat: 91 }, 'lat', /<= 90/],
    ['longitude below -180', { ...valid, lng: -181 }, 'lng', />= -180/],
    ['missing longitude', { ...valid, lng: undefined }, 'lng', /is required/],
    ['bad phone', { ...valid, reporter: { phone: 'call me' } }, 'reporter.phone', /phone number/],
    ['anonymous not boolean', { ...valid, reporter: { anonymous: 'yes' } }, 'reporter.anonymous', /boolean/],
    ['unknown top-level key', { ...valid, photo: 'x' }, 'photo', /not an accepted field/],
    ['unknown reporter key', { ...valid, reporter: { cccd: '0123' } }, 'reporter.cccd', /not an accepted field/],
  ])('%s -> 422 naming %s', (_name, input, field, reason) => {
    const fields = fieldsOf(input);
    const hit = fields.find((f) => f.field === field);
    expect(hit, JSON.stringify(fields)).toBeDefined();
    expect(hit!.reason).toMatch(reason);
  });

  it('a body that is not an object is refused as a whole', () => {
    expect(fieldsOf([1, 2])[0].field).toBe('(body)');
  });
});

describe('cells query validation', () => {
  it.each([
    [{ res: '4' }, 'res', />= 5/],
    [{ res: '11' }, 'res', /<= 10/],
    [{ res: 'x' }, 'res', /number/],
    [{ window: '7x' }, 'window', /hours or days/],
    [{ since: 'yesterday' }, 'since', /ISO 8601/],
  ])('%j -> 422 naming %s', (query, field, reason) => {
    try {
      parseOr422(cellsQuerySchema, query);
      expect.unreachable('accepted');
    } catch (e) {
      const hit = (e as DomainError).fields?.find((f) => f.field === field);
      expect(hit?.reason).toMatch(reason);
    }
  });

  it('a trailing window becomes a since about that long ago', () => {
    const parsed = parseOr422(cellsQuerySchema, { res: '7', window: '24h' });
    expect(parsed.res).toBe(7);
    expect(Math.abs(Date.now() - 86_400_000 - Date.parse(parsed.since!))).toBeLessThan(5_000);
  });
});
