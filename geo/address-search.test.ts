// Real queries over the real 2025 codes, the new->old mapping and OSM hospitals: the top hit must be right.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPlaceIndex } from './address-search.ts';
import { buildPlaceEntries, type MappingRow, type PoiInput } from './place-entries.ts';

const DATA = new URL('../sql/data/vn/', import.meta.url);
const text = (path: string) => readFileSync(new URL(path, DATA), 'utf8');
/** These CSVs have no quoted fields (checked in SOURCES.md's schema); a split is enough. */
function csv<T>(path: string): T[] {
  const [head, ...lines] = text(path).trim().split(/\r?\n/);
  const cols = head.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [cols[i], v])) as T);
}
type GsoRow = { code: string; full_name: string; name: string; type: string; province_code: string };
const gso = csv<GsoRow>('codes/gso-2025-communes-3321.csv');
const mapping = csv<MappingRow>('codes/mapping-2025-new-to-old.csv');
const pois: PoiInput[] = ['poi/hospitals-thanh-hoa.geojson', 'poi/hospitals-hcmc.geojson'].flatMap((p) =>
  JSON.parse(text(p)).features.map((f: { properties: PoiInput }) => f.properties),
);
const communes = gso.map((r) => ({
  code: r.code,
  name: r.name,
  fullName: r.full_name,
  type: r.type,
  provinceCode: r.province_code,
}));
const index = buildPlaceIndex(buildPlaceEntries(communes, mapping, pois));

// Expected codes come from the data itself, named the way a person would check them.
const commune = (fullName: string, province: string) =>
  gso.find((r) => r.full_name === fullName && r.province_code === province)!.code;
const hospital = (name: string) => pois.find((p) => p.name === name)!.id;
const formerCommune = (oldName: string, province: string) =>
  mapping.find((r) => r.old_name === oldName && r.old_province_code === province)!.new_code;

const TH = '38';
const HCM = '79';
const CASES: Array<{ q: string; province?: string; want: string }> = [
  { q: 'phuong ham rong', province: TH, want: commune('Phường Hàm Rồng', TH) },
  { q: 'Phường Hàm Rồng', want: commune('Phường Hàm Rồng', TH) },
  { q: 'P. Hàm Rồng', want: commune('Phường Hàm Rồng', TH) },
  { q: 'p ham rong', want: commune('Phường Hàm Rồng', TH) },
  { q: 'ham rong', want: commune('Phường Hàm Rồng', TH) },
  { q: 'ham ro', province: TH, want: commune('Phường Hàm Rồng', TH) },
  { q: 'Sầm Sơn', province: TH, want: commune('Phường Sầm Sơn', TH) },
  { q: 'sam son', want: commune('Phường Sầm Sơn', TH) },
  { q: 'nam sam son', want: commune('Phường Nam Sầm Sơn', TH) },
  { q: 'xa Quang Loi cu', want: formerCommune('Xã Quảng Lợi', '46') },
  { q: 'Xã Quảng Lợi cũ', want: formerCommune('Xã Quảng Lợi', '46') },
  { q: 'TP Thanh Hoa', province: TH, want: commune('Phường Hạc Thành', TH) },
  { q: 'thành phố Thanh Hóa', province: TH, want: commune('Phường Hạc Thành', TH) },
  { q: 'TP. Thanh Hoá', province: TH, want: commune('Phường Hạc Thành', TH) },
  { q: 'benh vien da khoa tinh', province: TH, want: hospital('Bệnh viện Đa khoa tỉnh Thanh Hoá') },
  { q: 'BV đa khoa tỉnh Thanh Hóa', want: hospital('Bệnh viện Đa khoa tỉnh Thanh Hoá') },
  { q: 'bvdk tinh thanh hoa', want: hospital('Bệnh viện Đa khoa tỉnh Thanh Hoá') },
  { q: 'benh vien nhi thanh hoa', want: hospital('Bệnh viện Nhi Thanh Hoá') },
  { q: 'BV Nhi Thanh Hóa', want: hospital('Bệnh viện Nhi Thanh Hoá') },
  { q: 'bv phoi', province: TH, want: hospital('Bệnh viện Phổi Thanh Hoá') },
  { q: 'Bệnh viện 71 Trung ương', want: hospital('Bệnh viện 71 Trung ương') },
  { q: 'bv cho ray', want: hospital('Bệnh viện Chợ Rẫy') },
  { q: 'Bệnh viện Chợ Rẫy', want: hospital('Bệnh viện Chợ Rẫy') },
  { q: 'hac thanh', province: TH, want: commune('Phường Hạc Thành', TH) },
  { q: 'Hạc Thành', want: commune('Phường Hạc Thành', TH) },
  { q: 'phuong truong thi cu', province: TH, want: formerCommune('Phường Trường Thi', TH) },
  { q: 'Trường Thi cũ', province: TH, want: formerCommune('Phường Trường Thi', TH) },
  { q: 'phuong dien bien cu', province: TH, want: formerCommune('Phường Điện Biên', TH) },
  { q: 'xa quang giao cu', province: TH, want: formerCommune('Xã Quảng Giao', TH) },
  { q: 'xa hoang hoa', want: commune('Xã Hoằng Hóa', TH) },
  { q: 'Xã Thiệu Hóa', want: commune('Xã Thiệu Hóa', TH) },
  { q: 'bim son', want: commune('Phường Bỉm Sơn', TH) },
  { q: 'Nghi Sơn', want: commune('Phường Nghi Sơn', TH) },
  { q: 'muong lat', want: commune('Xã Mường Lát', TH) },
  { q: 'Mường Lát', want: commune('Xã Mường Lát', TH) },
  { q: 'dong son', province: TH, want: commune('Phường Đông Sơn', TH) },
  // The same name today and before 2025, in different places: "cũ" decides which one is meant.
  { q: 'phuong dong son', province: TH, want: commune('Phường Đông Sơn', TH) },
  { q: 'phuong dong son cu', province: TH, want: formerCommune('Phường Đông Sơn', TH) },
  { q: 'Phường Đông Sơn cũ', province: TH, want: formerCommune('Phường Đông Sơn', TH) },
  { q: 'phường Đồng Sơn', want: commune('Phường Đồng Sơn', '44') },
  { q: 'quang phu', province: TH, want: commune('Phường Quảng Phú', TH) },
  { q: 'phuong quang trung', province: TH, want: commune('Phường Quang Trung', TH) },
  { q: 'Củ Chi', want: commune('Xã Củ Chi', HCM) },
  { q: 'xa cu chi', want: commune('Xã Củ Chi', HCM) },
  { q: 'phuong ben thanh', want: commune('Phường Bến Thành', HCM) },
  { q: 'P. Bến Thành', want: commune('Phường Bến Thành', HCM) },
  { q: 'Sài Gòn', province: HCM, want: commune('Phường Sài Gòn', HCM) },
  { q: 'phuong sai gon', want: commune('Phường Sài Gòn', HCM) },
  { q: 'con dao', want: commune('Đặc khu Côn Đảo', HCM) },
  { q: 'dac khu con dao', want: commune('Đặc khu Côn Đảo', HCM) },
];

describe('buildPlaceIndex over real data', () => {
  it('has all of them', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map((c) => c.want)).size).toBeGreaterThan(20);
    expect(formerCommune('Phường Đông Sơn', TH)).not.toBe(commune('Phường Đông Sơn', TH));
  });

  it.each(CASES)('"$q" (province $province) -> $want', ({ q, province, want }) => {
    const [top] = index.search(q, { provinceCode: province });
    expect(top?.code).toBe(want);
  });

  it.each([
    { q: 'xa Quang Loi cu', former: 'Xã Quảng Lợi' },
    { q: 'TP Thanh Hoa', former: 'Thành phố Thanh Hóa' },
    { q: 'phuong truong thi cu', former: 'Phường Trường Thi' },
  ])('a former name carries a note naming it: "$q"', ({ q, former }) => {
    const [top] = index.search(q, { provinceCode: TH });
    expect(top.entry.kind).toBe('former');
    expect(top.note).toContain(former);
    expect(top.noteEn).toContain(former);
  });

  it('ranks the exact commune above a hospital named after it', () => {
    const hits = index.search('hac thanh', { provinceCode: TH, limit: 5 });
    expect(hits.map((h) => h.entry.kind)).toContain('poi');
    expect(hits[0].entry.kind).toBe('commune');
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });

  it.each(['', '   ', '...', 'zzzz qqqq'])('finds nothing for %j', (q) => {
    expect(index.search(q)).toEqual([]);
  });

  it('honours limit and kinds', () => {
    expect(index.search('son', { limit: 3 })).toHaveLength(3);
    expect(index.search('thanh hoa', { kinds: ['poi'] }).every((h) => h.entry.kind === 'poi')).toBe(true);
  });
});
