// The map scene's props taken from the dashboard's state: /ops, the public map and the wall pass the same ones.
import type { MapSceneProps } from './map-scene.tsx';
import type { Dashboard } from './use-dashboard.ts';

export function sceneOf(d: Dashboard) {
  return {
    reports: d.reports,
    token: d.token,
    noticeCount: d.feed.noticeCount,
    reference: d.reference,
    theme: d.theme,
    areaName: d.areaName,
    selectedId: d.selectedId,
    onSelect: d.select,
    onHandle: d.onHandle,
  } satisfies Partial<MapSceneProps>;
}
