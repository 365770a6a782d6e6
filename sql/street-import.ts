// Streets from a GeoJSON of OSM ways (LineString/MultiLineString with `name`; optional `addr:from`/`addr:to`/
// `addr:interpolation` for house-number ranges). Each street is placed in the commune holding its middle point.
import { fold } from '../geo/vn-text.ts';
import { lineMiddle } from '../geo/street-address.ts';
import type { AreaLookup } from '../geo/types.ts';
import type { Tx } from './db.ts';
import { insertStreets, type NewStreet } from './queries/streets.ts';

interface Feature {
  type?: string;
  geometry?: { type?: string; coordinates?: unknown } | null;
  properties?: Record<string, unknown> | null;
}

const num = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,5}$/.test(v.trim()) ? Number(v) : NaN;
  return Number.isInteger(n) ? n : null;
};
const isLine = (c: unknown): c is [number, number][] =>
  Array.isArray(c) && c.length >= 2 && c.every((p) => Array.isArray(p) && p.length >= 2 && p.every(Number.isFinite));

export function streetsFromGeoJson(
  data: unknown,
  areas: AreaLookup,
  meta: { source: string; licence: string },
): { streets: NewStreet[]; skipped: number } {
  const features: Feature[] = (data as { features?: Feature[] })?.features ?? [];
  const streets: NewStreet[] = [];
  let skipped = 0;
  for (const f of features) {
    const name = typeof f.properties?.['name:vi'] === 'string' ? f.properties['name:vi'] : f.properties?.name;
    const g = f.geometry;
    const lines =
      g?.type === 'LineString' ? [g.coordinates] : g?.type === 'MultiLineString' ? (g.coordinates as unknown[]) : [];
    if (typeof name !== 'string' || !name.trim() || lines.length === 0) {
      skipped++;
      continue;
    }
    const p = f.properties ?? {};
    const interpolation = ['even', 'odd', 'all'].includes(String(p['addr:interpolation']))
      ? (p['addr:interpolation'] as 'even' | 'odd' | 'all')
      : null;
    for (const line of lines) {
      if (!isLine(line)) {
        skipped++;
        continue;
      }
      const coordinates = line.map((q) => [q[0], q[1]] as [number, number]);
      const [lng, lat] = lineMiddle(coordinates);
      const area = areas.lookup(lng, lat);
      streets.push({
        name: name.trim(),
        folded_name: fold(name).replace(/^(?:duong|pho) /, ''),
        area_code: area?.code ?? null,
        province_code: area?.provinceCode ?? null,
        coordinates,
        house_from: num(p['addr:from'] ?? p.from),
        house_to: num(p['addr:to'] ?? p.to),
        interpolation,
        source: meta.source,
        licence: meta.licence,
      });
    }
  }
  return { streets, skipped };
}

export async function importStreets(tx: Tx, streets: NewStreet[]): Promise<number> {
  return insertStreets(tx, streets);
}
