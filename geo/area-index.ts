// Point -> area lookup over a boundary set. Bounding boxes prefilter; turf decides exactly.
import { booleanPointInPolygon, bbox as bboxOf } from '@turf/turf';
import type { AreaCollection, AreaFeature, AreaLookup, AreaProps } from './types.ts';

interface Entry { box: number[]; feature: AreaFeature }

export function buildAreaIndex(areas: AreaCollection): AreaLookup {
  const entries: Entry[] = areas.features.map((feature) => ({ box: bboxOf(feature), feature }));
  return {
    lookup(lng: number, lat: number): AreaProps | null {
      for (const { box, feature } of entries) {
        if (lng < box[0] || lat < box[1] || lng > box[2] || lat > box[3]) continue;
        if (booleanPointInPolygon([lng, lat], feature)) return feature.properties;
      }
      return null;
    },
  };
}
