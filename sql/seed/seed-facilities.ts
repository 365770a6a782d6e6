// Seeds, once, the OSM hospitals of the demo province (ODbL: attribution kept in `source`/`licence`).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db.ts';

const POI = fileURLToPath(new URL('../data/vn/poi/', import.meta.url));

interface HospitalFeature {
  properties: {
    id: string;
    name: string;
    category: string;
    address: string | null;
    phone: string | null;
    wardCode: string;
    provinceCode: string;
  };
  geometry: { coordinates: [number, number] };
}

export async function seedFacilities(db: Db, province = 'thanh-hoa'): Promise<boolean> {
  if ((await db.query('SELECT 1 FROM facilities LIMIT 1')).rows.length) return false;
  const { features } = JSON.parse(readFileSync(`${POI}hospitals-${province}.geojson`, 'utf8')) as {
    features: HospitalFeature[];
  };
  const col = <T>(f: (h: HospitalFeature) => T) => features.map(f);
  await db.query(
    `INSERT INTO facilities (id, kind, name, address, phone, lat, lng, area_code, province_code, source, licence)
     SELECT *, '© OpenStreetMap contributors', 'ODbL-1.0'
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::float8[], $8::text[], $9::text[])`,
    [
      col((h) => h.properties.id),
      col((h) => h.properties.category),
      col((h) => h.properties.name),
      col((h) => h.properties.address),
      col((h) => h.properties.phone),
      col((h) => h.geometry.coordinates[1]),
      col((h) => h.geometry.coordinates[0]),
      col((h) => h.properties.wardCode),
      col((h) => h.properties.provinceCode),
    ],
  );
  return true;
}
