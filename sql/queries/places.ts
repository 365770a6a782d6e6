// What address search indexes: current communes, the 2025 new->old mapping, facilities and agencies.
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db.ts';

const MAPPING_CSV = fileURLToPath(new URL('../data/vn/codes/mapping-2025-new-to-old.csv', import.meta.url));

export interface FacilityRow {
  id: string;
  kind: string;
  name: string;
  address: string | null;
  lat: number;
  lng: number;
  area_code: string | null;
  province_code: string | null;
}
export interface AgencyPlaceRow {
  id: string;
  name_vi: string;
  name_en: string;
  area_code: string | null;
  province_code: string | null;
}

/** Mapping rows (CSV columns as named) for the given provinces: former names of today's communes. */
export function readFormerNames(provinceCodes: string[]): Record<string, string>[] {
  const rows = parse<Record<string, string>>(readFileSync(MAPPING_CSV), { columns: true, skip_empty_lines: true });
  const wanted = new Set(provinceCodes);
  return rows.filter((r) => wanted.has(r.new_province_code));
}

export async function listFacilities(db: Db): Promise<FacilityRow[]> {
  return (
    await db.query<FacilityRow>(
      'SELECT id, kind, name, address, lat, lng, area_code, province_code FROM facilities ORDER BY id',
    )
  ).rows;
}

export async function listAgencyPlaces(db: Db): Promise<AgencyPlaceRow[]> {
  return (
    await db.query<AgencyPlaceRow>('SELECT id, name_vi, name_en, area_code, province_code FROM agencies ORDER BY id')
  ).rows;
}
