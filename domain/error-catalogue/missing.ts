// What the caller asked for does not exist (for it).
import { define } from '../domain-error.ts';

/** Things that may be missing, as each language names them. */
const THINGS = {
  report: ['Report', 'phản ánh'],
  photo: ['Photo', 'ảnh'],
  unit: ['Unit', 'đội'],
  unitToken: ['Token for this unit', 'mã của đội này'],
  wallToken: ['Wall token', 'mã màn hình tường'],
  alert: ['Alert', 'cảnh báo'],
  cannedReply: ['Canned reply', 'câu trả lời mẫu'],
  open311Client: ['Open311 client', 'ứng dụng Open311'],
  savedFilter: ['Saved filter', 'bộ lọc đã lưu'],
  webhookEndpoint: ['Webhook endpoint', 'địa chỉ webhook'],
  webhookDelivery: ['Webhook delivery', 'lần gửi webhook'],
  importMapping: ['Import mapping', 'bảng ánh xạ cột'],
  staffAccount: ['Staff account', 'tài khoản'],
  calendarDay: ['Day in the calendar', 'ngày này trong lịch'],
  priorityDeadline: ['Deadline rule for this priority', 'thời hạn riêng cho mức ưu tiên này'],
} as const;
export type Thing = keyof typeof THINGS;

export const missingErrors = {
  notFound: define<Thing>({
    kind: 'not_found',
    code: 'not_found',
    en: (t) => `${THINGS[t][0]} not found`,
    vi: (t) => `Không tìm thấy ${THINGS[t][1]}`,
  }),
  inviteInvalid: define({
    kind: 'not_found',
    code: 'invite_invalid',
    en: 'This invite link is not valid: it was used, it expired or a newer one replaced it',
    vi: 'Liên kết mời không còn hiệu lực: đã dùng, đã hết hạn hoặc đã có liên kết mới',
  }),
  noRoute: define<string>({
    kind: 'not_found',
    code: 'not_found',
    en: (route) => `No route ${route}`,
    vi: (route) => `Không có đường dẫn ${route}`,
  }),
  noReportWithCode: define<string>({
    kind: 'not_found',
    code: 'not_found',
    en: (code) => `No report has the code '${code}'`,
    vi: (code) => `Không có phản ánh nào mang mã '${code}'`,
  }),
  noReportWithSecret: define({
    kind: 'not_found',
    code: 'not_found',
    en: 'No report with this code and secret',
    vi: 'Không tìm thấy phản ánh với mã và mã bí mật này',
  }),
  noRequestToken: define<string>({
    kind: 'not_found',
    code: 'not_found',
    en: (t) => `token '${t}' not found`,
    vi: (t) => `Không tìm thấy mã yêu cầu '${t}'`,
  }),
  formatNotServed: define<string>({
    kind: 'not_found',
    code: 'not_found',
    en: (f) => `Format '${f}' is not served: use .json or .xml`,
    vi: (f) => `Không hỗ trợ định dạng '${f}': dùng .json hoặc .xml`,
  }),
  unknownService: define<string>({
    kind: 'not_found',
    code: 'unknown_service',
    field: 'service_code',
    en: (c) => `unknown service '${c}'`,
    vi: (c) => `Không có loại phản ánh '${c}'`,
  }),
  /** The same, named in a query or body: a bad parameter. */
  unknownServiceParameter: define<string>({
    kind: 'bad_request',
    code: 'unknown_service',
    field: 'service_code',
    en: (c) => `unknown service '${c}'`,
    vi: (c) => `Không có loại phản ánh '${c}'`,
  }),
};
