import { describe, expect, it } from 'vitest';
import { DomainError, errorBody, errorLines, errors, fieldIssue, reasons, type Reason } from './errors.ts';

// Sample parameters for entries that take some: enough to build every entry once.
const SAMPLE: Partial<Record<keyof typeof errors, unknown>> = {
  notFound: 'report',
  bulkItemFailed: { id: '7', index: 0, cause: errors.unitBusy({ unitId: 'u', status: 'on_scene' }) },
};
/** Stands in for any parameter: a string, a number, a list of field issues, or an object of those. */
const anything: unknown = new Proxy(function () {}, {
  get: (_t, key) =>
    key === Symbol.toPrimitive
      ? () => '7'
      : key === 'map'
        ? (f: (i: unknown) => unknown) => [f({ field: 'f', reason: 'r' })]
        : key === 'join'
          ? () => 'a, b'
          : anything,
});
const sampleFor = (name: keyof typeof errors): unknown => (name in SAMPLE ? SAMPLE[name] : anything);
/** Like `anything`, but each value becomes a marker naming where it came from (ZQX_unitId_), so a message shows it. */
const markedAs = (path: string): unknown =>
  new Proxy(function () {}, {
    get: (_t, key) =>
      key === Symbol.toPrimitive || key === 'join'
        ? () => `ZQX_${path}_`
        : key === 'map'
          ? (f: (i: unknown) => unknown) => [f(markedAs(`${path}.item`))]
          : markedAs(`${path}.${sameFact(key)}`),
  });
/** A field issue's reasonVi is its reason in Vietnamese (a cause's messageVi its message): one fact, one marker. */
const sameFact = (key: string | symbol): string =>
  key === 'reasonVi' ? 'reason' : key === 'messageVi' ? 'message' : String(key);
const MARKERS = /ZQX_[\w.]*_/g;

describe('the error catalogue', () => {
  const names = Object.keys(errors) as (keyof typeof errors)[];

  it.each(names)('%s says something in both languages, and they differ', (name) => {
    const build = errors[name] as (p: unknown) => DomainError;
    const e = build(sampleFor(name));
    expect(e).toBeInstanceOf(DomainError);
    expect(e.message.trim().length).toBeGreaterThan(3);
    expect(e.messageVi?.trim().length).toBeGreaterThan(3);
    expect(e.messageVi).not.toBe(e.message);
    expect(e.code).toMatch(/^[a-z_]+$/);
  });

  it.each(names)('%s names in Vietnamese what it names in English', (name) => {
    const build = errors[name] as (p: unknown) => DomainError;
    const e = build(name in SAMPLE ? SAMPLE[name] : markedAs('p'));
    // Screens print an error with fields line by line (errorLines), so a fact its fields carry in Vietnamese is said.
    const said = [e.messageVi, ...(e.fields ?? []).map((f) => `${String(f.field)} ${String(f.reasonVi)}`)].join(' ');
    const missing = (e.message.match(MARKERS) ?? []).filter((m) => !said.includes(m));
    expect(missing, `${e.messageVi} / ${e.message}`).toEqual([]);
  });

  it('an entry that names one field says it in the message and in fields', () => {
    const e = errors.noSuchUnit();
    expect(e.message).toBe('unitId: no such unit');
    expect(e.fields).toEqual([{ field: 'unitId', reason: 'no such unit', reasonVi: 'Không có đội này' }]);
    expect(errors.invalid([fieldIssue('lat', reasons.mustBeNumber)]).message).toBe(
      'Invalid input: lat: must be a number',
    );
  });

  it('a refusal inside a batch keeps the kind and code of its cause and names the item', () => {
    const e = errors.bulkItemFailed({ id: '42', index: 3, cause: errors.staleVersion(2) });
    expect([e.kind, e.code, e.fields?.[0].field]).toEqual(['conflict', 'stale_version', 'ids.3']);
    expect(e.messageVi).toContain('Phản ánh 42');
  });

  it.each(Object.keys(reasons) as (keyof typeof reasons)[])(
    'the field reason %s is worded in both languages, and they differ',
    (name) => {
      const entry = reasons[name] as Reason | ((p: unknown) => Reason);
      const reason = typeof entry === 'function' ? entry(anything) : entry;
      expect(reason.en.trim().length).toBeGreaterThan(3);
      expect(reason.vi.trim().length).toBeGreaterThan(3);
      expect(reason.vi).not.toBe(reason.en);
    },
  );

  it('a field issue carries its reason in English and Vietnamese', () => {
    expect(fieldIssue('to', reasons.mustBeAfter('from'))).toEqual({
      field: 'to',
      reason: 'must be after from',
      reasonVi: 'phải sau from',
    });
  });

  it('as text, an error is one line per field at fault, else its message: Vietnamese first, English beside it', () => {
    const bad = errorBody(errors.invalid([fieldIssue('lat', reasons.mustBeNumber)])).error;
    expect(errorLines(bad)).toEqual(['lat: phải là số / must be a number']);
    expect(errorLines(errorBody(errors.notFound('report')).error)).toEqual([
      'Không tìm thấy phản ánh / Report not found',
    ]);
  });

  it('a missing route, token or format is named in Vietnamese as in English', () => {
    expect(errors.noRoute('GET /api/v1/nothing').messageVi).toBe('Không có đường dẫn GET /api/v1/nothing');
    expect(errors.noRequestToken('tk-9').messageVi).toBe("Không tìm thấy mã yêu cầu 'tk-9'");
    expect(errors.formatNotServed('csv').messageVi).toBe("Không hỗ trợ định dạng 'csv': dùng .json hoặc .xml");
    expect(errors.noReportWithSecret().messageVi).toContain('mã bí mật');
  });

  it('an entry about one field names the field and its reason in the Vietnamese message too', () => {
    expect(errors.invalidField(fieldIssue('lat', reasons.mustBeNumber)).messageVi).toBe(
      'Dữ liệu không hợp lệ: lat phải là số',
    );
    expect(errors.doesNotExist('agencyId')).toMatchObject({
      messageVi: 'agencyId không tồn tại',
      fields: [{ field: 'agencyId', reason: 'does not exist', reasonVi: 'không tồn tại' }],
    });
    expect(errors.idempotencyKey('Idempotency-Key').messageVi).toBe(
      'Idempotency-Key phải gồm 8 đến 200 ký tự ASCII in được',
    );
  });

  it('a fixed rule or way out that the English states, the Vietnamese states too', () => {
    expect(errors.invalidTrackingCode().messageVi).toContain('TH-7KQ4-9XPM');
    expect(errors.invalidBbox().messageVi).toContain('tây,nam,đông,bắc');
    expect(errors.startAfterEnd().messageVi).toContain('end_date');
    expect(errors.invalidApiKey().messageVi).toContain('thu hồi');
    expect(errors.reopenMerged().messageVi).toContain('mở lại vụ việc');
  });

  it('extra facts an edge needs travel on the error', () => {
    expect(errors.tooManySignIns(30)).toMatchObject({ kind: 'too_many', retryAfterS: 30 });
  });
});
