// Turns already-parsed communes, the 2025 new->old mapping and POIs into search entries.
import type { AreaProps } from './types.ts';
import { splitType } from './vn-text.ts';

export type PlaceKind = 'commune' | 'poi' | 'agency' | 'former';

export interface PlaceEntry {
  kind: PlaceKind;
  code: string;
  name: string;
  fullName: string;
  aliases?: string[];
  /** For former units and POIs: the current (2025) commune a hit resolves to. */
  currentCode?: string;
  /** Shown beside the hit, Vietnamese and English: why a former name leads to today's commune. */
  note?: string;
  noteEn?: string;
  provinceCode?: string;
  /** Administrative type as written ("Phường", "Huyện"...), when there is one. */
  type?: string;
  /** A former unit split between several new communes: this entry points at one of them. */
  partial?: boolean;
}

/** A commune as the boundary data describes it (provinceName lets "Quảng Phú Thanh Hóa" pick the right one). */
export type CommuneInput = AreaProps;

/** One row of codes/mapping-2025-new-to-old.csv, as the CSV names its columns. */
export interface MappingRow {
  new_code: string;
  new_name: string;
  new_province_code: string;
  old_code: string;
  old_name: string;
  old_district_code: string;
  old_district_name: string;
  old_province_code: string;
  coverage: string;
}

export interface PoiInput {
  id: string;
  name: string;
  wardCode?: string | null;
  wardName?: string | null;
  provinceCode?: string | null;
  address?: string | null;
}

export function communeEntries(communes: CommuneInput[]): PlaceEntry[] {
  return communes.map((c) => ({
    kind: 'commune',
    code: c.code,
    name: c.name,
    fullName: c.fullName,
    provinceCode: c.provinceCode,
    type: c.type ?? splitType(c.fullName).type ?? undefined,
    aliases: [
      c.nameEn,
      ...(c.provinceName ? [`${c.name} ${c.provinceName}`, `${c.fullName} ${c.provinceName}`] : []),
    ].filter((a): a is string => !!a),
  }));
}

/** Former communes: one entry per (old, new) pair, so a split commune offers each of its successors. */
export function formerCommuneEntries(rows: MappingRow[]): PlaceEntry[] {
  return rows
    .filter((r) => r.old_name.normalize('NFC') !== r.new_name.normalize('NFC'))
    .map((r) => {
      const { type, name } = splitType(r.old_name);
      const where = r.old_district_name ? `${r.old_name}, ${r.old_district_name}` : r.old_name;
      const partial = r.coverage === 'partial';
      return {
        kind: 'former',
        code: r.old_code,
        name,
        fullName: r.old_name,
        type: type ?? undefined,
        currentCode: r.new_code,
        provinceCode: r.new_province_code,
        partial,
        // "Phường 3 Quận 10": before 2025 a ward name was only unique within its district.
        aliases: r.old_district_name
          ? [`${r.old_name} ${r.old_district_name}`, `${name} ${r.old_district_name}`]
          : undefined,
        note: `${where} (cũ), nay ${partial ? 'một phần ' : ''}thuộc ${r.new_name}`,
        noteEn: `former ${where}, now ${partial ? 'partly ' : ''}in ${r.new_name}`,
      };
    });
}

/**
 * Former districts (abolished on 2025-07-01) resolve to the new commune that absorbed most of
 * their communes (TP Thanh Hóa -> Phường Hạc Thành); the note says "mostly", not "all".
 */
export function formerDistrictEntries(rows: MappingRow[]): PlaceEntry[] {
  const byDistrict = new Map<string, MappingRow[]>();
  for (const r of rows) {
    if (!r.old_district_code) continue;
    const group = byDistrict.get(r.old_district_code);
    if (group) group.push(r);
    else byDistrict.set(r.old_district_code, [r]);
  }
  const out: PlaceEntry[] = [];
  for (const [code, group] of byDistrict) {
    const weight = new Map<string, number>();
    for (const r of group) weight.set(r.new_code, (weight.get(r.new_code) ?? 0) + (r.coverage === 'full' ? 1 : 0.5));
    const [best] = [...weight].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const target = group.find((r) => r.new_code === best[0])!;
    const { type, name } = splitType(group[0].old_district_name);
    out.push({
      kind: 'former',
      code,
      name,
      fullName: group[0].old_district_name,
      type: type ?? undefined,
      currentCode: target.new_code,
      provinceCode: target.new_province_code,
      note: `${group[0].old_district_name} (cũ, cấp huyện), phần lớn nay thuộc ${target.new_name}`,
      noteEn: `former district ${group[0].old_district_name}, mostly now in ${target.new_name}`,
    });
  }
  return out;
}

export function poiEntries(pois: PoiInput[]): PlaceEntry[] {
  return pois.map((p) => ({
    kind: 'poi',
    code: p.id,
    name: p.name,
    fullName: p.name,
    currentCode: p.wardCode ?? undefined,
    provinceCode: p.provinceCode ?? undefined,
    note: p.address ?? p.wardName ?? undefined,
    noteEn: p.address ?? p.wardName ?? undefined,
  }));
}

/** Everything the search knows about, from parsed data only (no I/O here). */
export function buildPlaceEntries(
  communes: CommuneInput[],
  mapping: MappingRow[],
  pois: PoiInput[] = [],
): PlaceEntry[] {
  return [
    ...communeEntries(communes),
    ...formerCommuneEntries(mapping),
    ...formerDistrictEntries(mapping),
    ...poiEntries(pois),
  ];
}
