// Address search for citizens and hotline operators: the geo/ index over this deployment's places,
// each hit resolved to a point and today's commune.
import { buildPlaceIndex, type PlaceHit } from '../geo/address-search.ts';
import { innerPoint } from '../geo/inner-point.ts';
import { buildPlaceEntries, type MappingRow, type PlaceEntry } from '../geo/place-entries.ts';
import type { Db } from '../sql/db.ts';
import { currentAreas } from '../sql/queries/areas.ts';
import { listAgencyPlaces, listFacilities, readFormerNames } from '../sql/queries/places.ts';

export interface GeocodeCandidate {
  kind: PlaceEntry['kind'];
  code: string;
  name: string;
  fullName: string;
  score: number;
  /** Today's commune the place lies in or now belongs to. */
  area: { code: string; name: string } | null;
  lat: number | null;
  lng: number | null;
  note?: string;
  noteEn?: string;
}

export interface PlaceSearch {
  search(q: string, limit: number): GeocodeCandidate[];
  size: number;
}

export async function loadPlaceSearch(db: Db): Promise<PlaceSearch> {
  const communes = await currentAreas(db, 'commune', true);
  const provinceCodes = [
    ...new Set(communes.features.map((f) => f.properties.provinceCode).filter((c): c is string => !!c)),
  ];
  const facilities = await listFacilities(db);
  const agencies = await listAgencyPlaces(db);
  const communeAt = new Map(
    communes.features.map((f) => [f.properties.code, { name: f.properties.fullName, ...innerPoint(f) }]),
  );
  const facilityAt = new Map(facilities.map((f) => [f.id, f]));
  const agencyAt = new Map(agencies.map((a) => [a.id, a]));
  const entries: PlaceEntry[] = [
    ...buildPlaceEntries(
      communes.features.map((f) => f.properties),
      readFormerNames(provinceCodes) as unknown as MappingRow[],
      facilities.map((f) => ({
        id: f.id,
        name: f.name,
        wardCode: f.area_code,
        provinceCode: f.province_code,
        address: f.address,
      })),
    ),
    ...agencies.map((a): PlaceEntry => ({
      kind: 'agency',
      code: a.id,
      name: a.name_vi,
      fullName: a.name_vi,
      aliases: [a.name_en],
      currentCode: a.area_code ?? undefined,
      provinceCode: a.province_code ?? undefined,
    })),
  ];
  const index = buildPlaceIndex(entries);
  const provinceCode = provinceCodes.length === 1 ? provinceCodes[0] : undefined;

  const toCandidate = (hit: PlaceHit): GeocodeCandidate => {
    const e = hit.entry;
    const areaCode = e.kind === 'commune' ? e.code : (e.currentCode ?? (e.kind === 'former' ? hit.code : null));
    const commune = areaCode ? communeAt.get(areaCode) : undefined;
    const facility = e.kind === 'poi' ? facilityAt.get(e.code) : undefined;
    const point = facility ?? (e.kind === 'agency' && !agencyAt.get(e.code)?.area_code ? null : commune);
    return {
      kind: e.kind,
      code: e.code,
      name: e.name,
      fullName: e.fullName,
      score: Number(hit.score.toFixed(3)),
      area: areaCode && commune ? { code: areaCode, name: commune.name } : null,
      lat: point?.lat ?? null,
      lng: point?.lng ?? null,
      note: hit.note,
      noteEn: hit.noteEn,
    };
  };
  return { search: (q, limit) => index.search(q, { limit, provinceCode }).map(toCandidate), size: index.size };
}

/** Built on first use and kept: places change only with an areas import, which needs a restart; a failure is retried. */
export function lazyPlaceSearch(db: Db): () => Promise<PlaceSearch> {
  let places: Promise<PlaceSearch> | null = null;
  return () => {
    if (!places) {
      const loading = loadPlaceSearch(db);
      places = loading;
      loading.catch(() => {
        if (places === loading) places = null;
      });
    }
    return places;
  };
}
