// Folding and abbreviation rules people actually type, one row each.
import { describe, expect, it } from 'vitest';
import { fold, parseQuery, splitType } from './vn-text.ts';

describe('fold', () => {
  it.each([
    ['Phường Hàm Rồng', 'phuong ham rong'],
    ['ĐỒNG HỚI', 'dong hoi'],
    ['Thanh Hoá', 'thanh hoa'], // old-style tone placement
    ['Thanh Hóa', 'thanh hoa'],
    ['Thanh Ho\u0301a', 'thanh hoa'], // decomposed (NFD) input
    ['  Bến   Thành, Q.1 ', 'ben thanh q 1'],
  ])('%j -> %j', (input, want) => expect(fold(input)).toBe(want));
});

describe('parseQuery', () => {
  it.each([
    { q: 'P. Hàm Rồng', text: 'phuong ham rong', type: 'phuong', former: false },
    { q: 'p ham rong', text: 'phuong ham rong', type: 'phuong', former: false },
    { q: 'X. Quảng Lợi', text: 'xa quang loi', type: 'xa', former: false },
    { q: 'TP. Thanh Hóa', text: 'thanh pho thanh hoa', type: 'thanh pho', former: false },
    { q: 'tp thanh hoa', text: 'thanh pho thanh hoa', type: 'thanh pho', former: false },
    { q: 'TT. Bút Sơn', text: 'thi tran but son', type: 'thi tran', former: false },
    { q: 'tx nghi son', text: 'thi xa nghi son', type: 'thi xa', former: false },
    { q: 'H. Quảng Xương', text: 'huyen quang xuong', type: 'huyen', former: false },
    { q: 'Q.10', text: 'quan 10', type: 'quan', former: false },
    { q: 'q1', text: 'quan 1', type: 'quan', former: false },
    { q: 'BV Nhi', text: 'benh vien nhi', type: null, former: false },
    { q: 'bvdk tinh', text: 'benh vien da khoa tinh', type: null, former: false },
    { q: 'xa Quang Loi cu', text: 'xa quang loi', type: 'xa', former: true },
    { q: 'Xã Quảng Lợi (cũ)', text: 'xa quang loi', type: 'xa', former: true },
    { q: 'cũ Trường Thi', text: 'truong thi', type: null, former: true },
    { q: 'Củ Chi', text: 'cu chi', type: null, former: false },
    { q: 'xa cu chi', text: 'xa cu chi', type: 'xa', former: false },
    { q: 'tphcm', text: 'thanh pho ho chi minh', type: 'thanh pho', former: false },
    { q: 'Thanh Hóa', text: 'thanh hoa', type: null, former: false }, // "thanh" alone is a name, not "thanh pho"
  ])('$q', ({ q, text, type, former }) => {
    const got = parseQuery(q);
    expect({ text: got.text, type: got.type, former: got.former }).toEqual({ text, type, former });
    expect(got.core).toBe(type ? text.slice(type.length).trim() : text);
  });

  it.each([
    ['Hàm Rồng', true],
    ['ham rong', false],
  ])('%j typed with accents: %s', (q, accented) => expect(parseQuery(q).accented).toBe(accented));
});

describe('splitType', () => {
  it.each([
    ['Phường Hàm Rồng', 'Phường', 'Hàm Rồng'],
    ['Thành phố Thanh Hóa', 'Thành phố', 'Thanh Hóa'],
    ['Đặc khu Côn Đảo', 'Đặc khu', 'Côn Đảo'],
    ['Thị trấn Bút Sơn', 'Thị trấn', 'Bút Sơn'],
    ['Bệnh viện Nhi', null, 'Bệnh viện Nhi'],
  ])('%j', (full, type, name) => expect(splitType(full)).toEqual({ type, name }));
});
