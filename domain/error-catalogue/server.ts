// The server itself cannot answer now.
import { define } from '../domain-error.ts';

export const serverErrors = {
  databaseUnavailable: define({
    kind: 'unavailable',
    code: 'unavailable',
    en: 'Database unavailable, retry shortly',
    vi: 'Cơ sở dữ liệu tạm thời không sẵn sàng, vui lòng thử lại',
    extra: () => ({ retryAfterS: 1 }),
  }),
  notReady: define({
    kind: 'unavailable',
    code: 'not_ready',
    en: 'The database is not reachable',
    vi: 'Chưa kết nối được cơ sở dữ liệu',
  }),
  shuttingDown: define({
    kind: 'unavailable',
    code: 'shutting_down',
    en: 'This server is stopping; retry shortly',
    vi: 'Máy chủ đang dừng, vui lòng thử lại sau giây lát',
  }),
  feedRestarting: define({
    kind: 'unavailable',
    code: 'feed_restarting',
    en: 'The live feed is restarting; retry',
    vi: 'Luồng trực tiếp đang khởi động lại, vui lòng thử lại',
  }),
  internal: define({ kind: 'internal', code: 'internal', en: 'Internal error', vi: 'Lỗi hệ thống' }),
};
