// The tracking page's allowlist: status, public timeline, approved photos; reporter-only extras behind the secret.
import { mayPublishReportRow } from '../../geo/privacy.ts';
import { parseReportStatus, type ReportStatus } from '../../domain/report-status.ts';
import type { PhotoRow } from '../../sql/queries/photos.ts';
import type { PublicTimelineRow, RatingRow, TrackedReportRow } from '../../sql/queries/track.ts';
import { REOPEN_WINDOW_HOURS } from '../policies/transitions.ts';
import type { PhotoDTO, PublicPhase, StaffPhotoDTO, TrackDTO } from './dto.ts';

export const STATUS_LABELS: Record<ReportStatus, [vi: string, en: string]> = {
  received: ['Đã tiếp nhận', 'Received'],
  triaged: ['Đã phân loại', 'Triaged'],
  assigned: ['Đã giao đơn vị xử lý', 'Assigned'],
  in_progress: ['Đang xử lý', 'In progress'],
  resolved: ['Đã xử lý xong', 'Resolved'],
  closed: ['Đã đóng', 'Closed'],
  rejected: ['Không tiếp nhận', 'Not accepted'],
  reopened: ['Mở lại', 'Reopened'],
  merged: ['Gộp với phản ánh cùng sự việc', 'Merged with a report of the same problem'],
};

const PHASE: Record<ReportStatus, PublicPhase> = {
  received: 'received',
  reopened: 'received',
  triaged: 'processing',
  assigned: 'processing',
  in_progress: 'processing',
  merged: 'processing',
  resolved: 'resolved',
  closed: 'closed',
  rejected: 'closed',
};

export const photoUrls = (id: string): PhotoDTO => ({
  id,
  thumbUrl: `/api/v1/photos/${id}/thumb`,
  displayUrl: `/api/v1/photos/${id}/display`,
});

export const presentStaffPhoto = (p: PhotoRow): StaffPhotoDTO => ({ ...photoUrls(p.id), moderation: p.moderation });

/** The status a reporter follows: a merged report follows its incident. */
export const followedStatus = (r: TrackedReportRow): ReportStatus =>
  r.status === 'merged' && r.incident_status ? r.incident_status : r.status;

/** Until when the reporter may reopen: 7 days after resolution, while resolved or closed. */
export function reopenUntil(r: TrackedReportRow): Date | null {
  const status = followedStatus(r);
  if (!r.resolved_at || (status !== 'resolved' && status !== 'closed')) return null;
  return new Date(r.resolved_at.getTime() + REOPEN_WINDOW_HOURS * 3_600_000);
}

export interface TrackInputs {
  report: TrackedReportRow;
  timeline: PublicTimelineRow[];
  photos: PhotoRow[];
  rating: RatingRow | null;
  sensitive: boolean;
  reporter: boolean;
  now: Date;
}

export function presentTrack({ report: r, timeline, photos, rating, sensitive, reporter, now }: TrackInputs): TrackDTO {
  const status = followedStatus(r);
  const until = reporter ? reopenUntil(r) : null;
  const entry = (at: Date, s: string, reply?: string | null) => {
    const stored = parseReportStatus(s);
    const [label, labelEn] = STATUS_LABELS[stored] ?? [s, s];
    return {
      at: at.toISOString(),
      status: stored,
      label,
      labelEn,
      ...(reply ? { publicReply: reply } : {}),
    };
  };
  // Sensitive categories: not even the commune for the public (geo/privacy's rule); the reporter knows where it was.
  const showArea = r.area_code !== null && (mayPublishReportRow(sensitive) || reporter);
  return {
    code: r.tracking_code,
    reportId: r.id,
    category: r.category,
    status,
    phase: PHASE[status] ?? 'processing',
    area: showArea ? { code: r.area_code!, name: r.area_name ?? r.area_code! } : null,
    createdAt: r.created_at.toISOString(),
    deadline: r.due_at?.toISOString() ?? null,
    // Every report's timeline starts with its receipt (migration 0070's trigger).
    timeline: timeline.map((t) => entry(t.at, t.to_status, t.public_reply)),
    photos: photos.filter((p) => p.moderation === 'approved').map((p) => photoUrls(p.id)),
    // Stars are public; the comment is the reporter's own words and stays with them (and staff).
    rating: rating ? { stars: rating.stars, comment: reporter ? rating.comment : null } : null,
    reporter,
    canRate: reporter && (status === 'resolved' || status === 'closed'),
    canReopen: until !== null && now <= until,
    reopenUntil: until?.toISOString() ?? null,
  };
}
