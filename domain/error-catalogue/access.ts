// Who is asking: not signed in, not allowed, or over its budget.
import { define } from '../domain-error.ts';

export const accessErrors = {
  unauthenticated: define({
    kind: 'unauthenticated',
    code: 'unauthenticated',
    en: 'Sign in as staff',
    vi: 'Cần đăng nhập cán bộ',
  }),
  unauthenticatedUnit: define({
    kind: 'unauthenticated',
    code: 'unauthenticated',
    en: 'Sign in as staff or use the unit token',
    vi: 'Cần đăng nhập cán bộ hoặc dùng mã của đội',
  }),
  invalidToken: define({
    kind: 'unauthenticated',
    code: 'invalid_token',
    en: 'This token is unknown or has been revoked',
    vi: 'Mã truy cập không hợp lệ hoặc đã bị thu hồi',
  }),
  badCredentials: define({
    kind: 'unauthenticated',
    code: 'bad_credentials',
    en: 'Wrong username or password',
    vi: 'Sai tên đăng nhập hoặc mật khẩu',
  }),
  tooManySignIns: define<number>({
    kind: 'too_many',
    code: 'too_many_attempts',
    en: (s) => `Too many sign-in attempts; retry in ${s} s`,
    vi: (s) => `Đăng nhập quá nhiều lần, vui lòng thử lại sau ${s} giây`,
    extra: (retryAfterS) => ({ retryAfterS }),
  }),
  tooManyReads: define<number>({
    kind: 'too_many',
    code: 'too_many_requests',
    en: (s) => `Too many requests from this address; retry in ${s} s`,
    vi: (s) => `Quá nhiều yêu cầu từ địa chỉ này, vui lòng thử lại sau ${s} giây`,
    extra: (retryAfterS) => ({ retryAfterS }),
  }),
  crossOrigin: define({
    kind: 'forbidden',
    code: 'csrf_failed',
    en: 'Cross-origin request refused',
    vi: 'Yêu cầu từ nguồn khác bị từ chối',
  }),
  missingCsrf: define<string>({
    kind: 'forbidden',
    code: 'csrf_failed',
    en: (h) => `Missing or wrong ${h} header`,
    vi: (h) => `Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF) trong header ${h}`,
  }),
  invalidApiKey: define({
    kind: 'forbidden',
    code: 'invalid_api_key',
    en: 'api_key: missing, invalid or revoked',
    vi: 'Khóa API (api_key) bị thiếu, không hợp lệ hoặc đã bị thu hồi',
  }),
  forbidden: define<string>({
    kind: 'forbidden',
    code: 'forbidden',
    en: (what) => `Not allowed: ${what}`,
    vi: (what) => `Bạn không có quyền thực hiện thao tác này (${what})`,
  }),
  nothingToFollow: define({
    kind: 'forbidden',
    code: 'no_scope',
    en: 'This account has no agency or unit to follow',
    vi: 'Tài khoản này không thuộc cơ quan hay đội nào để theo dõi',
  }),
  wrongSecret: define({
    kind: 'forbidden',
    code: 'wrong_secret',
    field: 'secret',
    en: 'does not match this report',
    vi: 'Mã bí mật không đúng',
  }),
};
