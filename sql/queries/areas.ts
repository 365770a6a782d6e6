// Area boundary sets: import (versioned by effective date), current set for the geocoder and the map.
import type { AreaCollection, AreaProps } from '../../geo/types.ts';
import type { Db, Tx } from '../db.ts';

export interface AreaImport {
  level: 'province' | 'commune';
  effectiveFrom: string;
  source: string;
  features: { props: AreaProps; geometry: object; displayGeometry?: object }[];
}

/** Replaces the current set of each province touched by the import; older rows stay for history. */
export async function importAreaSet(tx: Tx, set: AreaImport): Promise<number> {
  const provinces = [...new Set(set.features.map((f) => f.props.provinceCode ?? ''))];
  await tx.query(
    `UPDATE areas SET effective_to = $1 WHERE level = $2 AND effective_to IS NULL AND effective_from < $1
       AND coalesce(province_code, '') = ANY($3::text[])`,
    [set.effectiveFrom, set.level, provinces],
  );
  for (const { props, geometry, displayGeometry } of set.features) {
    await tx.query(
      `INSERT INTO areas (code, level, name, full_name, name_en, type, province_code, geometry, display_geometry, effective_from, source)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)
       ON CONFLICT (code, level, effective_from) DO UPDATE SET name = EXCLUDED.name, full_name = EXCLUDED.full_name,
         name_en = EXCLUDED.name_en, type = EXCLUDED.type, geometry = EXCLUDED.geometry,
         display_geometry = EXCLUDED.display_geometry, source = EXCLUDED.source, effective_to = NULL`,
      [
        props.code,
        set.level,
        props.name,
        props.fullName,
        props.nameEn ?? null,
        props.type ?? null,
        props.provinceCode ?? null,
        geometry,
        displayGeometry ?? null,
        set.effectiveFrom,
        set.source,
      ],
    );
  }
  return set.features.length;
}

interface AreaRow {
  code: string;
  name: string;
  full_name: string;
  name_en: string | null;
  type: string | null;
  province_code: string | null;
  geometry: AreaCollection['features'][number]['geometry'];
}

/** The areas in force now, as GeoJSON; `display` picks the simplified geometry meant for maps. */
export async function currentAreas(db: Db, level: 'province' | 'commune', display = false): Promise<AreaCollection> {
  const column = display ? 'coalesce(display_geometry, geometry)' : 'geometry';
  const { rows } = await db.query<AreaRow>(
    `SELECT code, name, full_name, name_en, type, province_code, ${column} AS geometry
       FROM areas WHERE level = $1 AND effective_to IS NULL ORDER BY code`,
    [level],
  );
  return {
    type: 'FeatureCollection',
    features: rows.map((r) => ({
      type: 'Feature',
      id: r.code,
      properties: {
        code: r.code,
        name: r.name,
        fullName: r.full_name,
        nameEn: r.name_en ?? undefined,
        type: r.type ?? undefined,
        provinceCode: r.province_code ?? undefined,
      },
      geometry: r.geometry,
    })),
  };
}
