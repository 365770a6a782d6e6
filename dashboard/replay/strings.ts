// Replay's own strings and the map legend's additions, Vietnamese first; English names the same keys.
import { useI18n } from '../i18n/i18n.tsx';

const vi = {
  open: 'Xem lại',
  close: 'Về trực tiếp',
  title: 'Xem lại diễn biến',
  period: 'Khoảng thời gian',
  'period.24h': '24 giờ qua',
  'period.7d': '7 ngày qua',
  'period.custom': 'Tự chọn',
  from: 'Từ',
  to: 'Đến',
  load: 'Tải',
  play: 'Phát',
  pause: 'Tạm dừng',
  speed: 'Tốc độ',
  moment: 'Thời điểm xem lại',
  loading: 'Đang tải nhật ký sự kiện…',
  failed: 'Không tải được nhật ký sự kiện',
  badge: 'ĐANG XEM LẠI',
  events: 'sự kiện',
  'legend.hotspots': 'Điểm nóng (Gi*, 24 giờ)',
  'legend.hot': 'Điểm nóng 90 / 95 / 99 %',
  'legend.cold': 'Điểm lạnh 90 / 95 / 99 %',
  'legend.units': 'Đơn vị hiện trường',
  'legend.hexCount': 'Số phản ánh mỗi ô lục giác',
} as const;

export type ReplayKey = keyof typeof vi;

const en: Record<ReplayKey, string> = {
  open: 'Replay',
  close: 'Back to live',
  title: 'Replay what happened',
  period: 'Period',
  'period.24h': 'Last 24 hours',
  'period.7d': 'Last 7 days',
  'period.custom': 'Custom',
  from: 'From',
  to: 'To',
  load: 'Load',
  play: 'Play',
  pause: 'Pause',
  speed: 'Speed',
  moment: 'Replayed moment',
  loading: 'Loading the event log…',
  failed: 'The event log could not be loaded',
  badge: 'REPLAY',
  events: 'events',
  'legend.hotspots': 'Hot spots (Gi*, 24 h)',
  'legend.hot': 'Hot spot 90 / 95 / 99 %',
  'legend.cold': 'Cold spot 90 / 95 / 99 %',
  'legend.units': 'Field units',
  'legend.hexCount': 'Reports per hexagon',
};

const dict: Record<'vi' | 'en', Record<ReplayKey, string>> = { vi, en };

export function useReplayI18n() {
  const i18n = useI18n();
  return { ...i18n, r: (key: ReplayKey) => dict[i18n.lang][key] };
}
