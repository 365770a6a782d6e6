// Plain geometry types shared by geo/ and its callers; no dependencies.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

export interface AreaProps {
  code: string;
  name: string;
  fullName: string;
  nameEn?: string;
  type?: string;
  provinceCode?: string;
  provinceName?: string;
}

export type AreaFeature = Feature<Polygon | MultiPolygon, AreaProps>;
export type AreaCollection = FeatureCollection<Polygon | MultiPolygon, AreaProps>;

export interface AreaLookup {
  /** The area containing the point, or null when it lies in none (at sea, outside the province). */
  lookup(lng: number, lat: number): AreaProps | null;
}
