// Reads a province's own GeoJSON boundary file into an import set, refusing it whole with reasons if it is unusable.
import type { AreaImport } from './queries/areas.ts';

export interface AreaFileOptions {
  level: 'province' | 'commune';
  codeProp: string;
  nameProp: string;
  fullNameProp?: string;
  nameEnProp?: string;
  typeProp?: string;
  provinceCodeProp?: string;
  /** Used when the features carry no province code of their own. */
  provinceCode?: string;
  effectiveFrom: string;
  source: string;
}

type Json = Record<string, unknown>;

export function parseAreaFile(
  geojson: unknown,
  display: unknown,
  o: AreaFileOptions,
): { set?: AreaImport; errors: string[] } {
  const errors: string[] = [];
  const fc = geojson as { type?: string; features?: Json[] };
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features))
    return { errors: ['file: not a GeoJSON FeatureCollection'] };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(o.effectiveFrom) || Number.isNaN(Date.parse(o.effectiveFrom)))
    errors.push(`--effective-from: '${o.effectiveFrom}' is not a YYYY-MM-DD date`);
  const simplified = new Map<string, object>();
  for (const f of (display as { features?: Json[] })?.features ?? []) {
    const code = (f.properties as Json | undefined)?.[o.codeProp];
    if ((typeof code === 'string' || typeof code === 'number') && f.geometry) simplified.set(String(code), f.geometry);
  }
  const seen = new Set<string>();
  const features: AreaImport['features'] = [];
  fc.features.forEach((f, i) => {
    const props = (f.properties ?? {}) as Json;
    const geometry = f.geometry as { type?: string; coordinates?: unknown } | null;
    const code = props[o.codeProp] == null ? '' : String(props[o.codeProp]).trim();
    const name = props[o.nameProp] == null ? '' : String(props[o.nameProp]).trim();
    const where = `feature ${i}${code ? ` (${code})` : ''}`;
    if (!code) errors.push(`${where}: property '${o.codeProp}' (--code-prop) is missing`);
    if (!name) errors.push(`${where}: property '${o.nameProp}' (--name-prop) is missing`);
    if (code && seen.has(code)) errors.push(`${where}: code ${code} appears twice`);
    if (geometry?.type !== 'Polygon' && geometry?.type !== 'MultiPolygon')
      errors.push(`${where}: geometry must be Polygon or MultiPolygon, got ${geometry?.type ?? 'none'}`);
    seen.add(code);
    const text = (prop?: string) => {
      const v = prop ? props[prop] : undefined;
      return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
    };
    features.push({
      props: {
        code,
        name,
        fullName: text(o.fullNameProp) ?? name,
        nameEn: text(o.nameEnProp),
        type: text(o.typeProp),
        provinceCode: text(o.provinceCodeProp) ?? o.provinceCode ?? (o.level === 'province' ? code : undefined),
      },
      geometry: geometry as object,
      displayGeometry: simplified.get(code),
    });
  });
  if (features.length === 0) errors.push('file: has no features');
  return errors.length
    ? { errors }
    : { set: { level: o.level, effectiveFrom: o.effectiveFrom, source: o.source, features }, errors };
}
