// Whether an alert's area meets what a screen shows: the banner names only alerts for where the person looks.
import { bboxPolygon, booleanIntersects } from '@turf/turf';
import type { AlertDTO } from '../../ingest/presenters/dto.ts';
import { fromNoticeOnly } from './alert-notice.ts';

export type Box = [number, number, number, number];

export function alertInView(alert: Pick<AlertDTO, 'bounds' | 'geometry'>, box: Box): boolean {
  const [w, s, e, n] = alert.bounds;
  if (w > box[2] || e < box[0] || s > box[3] || n < box[1]) return false; // cheap reject first
  // Known only from its notice: the server sent it because its cells meet this view, and the area is on its way.
  if (fromNoticeOnly(alert)) return true;
  return booleanIntersects(bboxPolygon(box), alert.geometry);
}
