// The state of things refuses the operation: conflicts and the rules of reports, units, alerts.
import { define, fieldIssue, type ErrorKind } from '../domain-error.ts';
import { reasons } from './reasons.ts';

/** Fields a transition may require, as a Vietnamese user is told to fill them in. */
const REQUIRED_VI: Record<string, string> = {
  reason: 'lý do',
  note: 'ghi chú nội bộ',
  publicReply: 'trả lời công dân',
};

export const operationsErrors = {
  idempotencyKey: define<string>({
    kind: 'invalid',
    code: 'validation_failed',
    field: (h) => h,
    en: 'must be 8 to 200 visible ASCII characters',
    vi: (h) => `${h} phải gồm 8 đến 200 ký tự ASCII in được`,
    reasonVi: 'phải gồm 8 đến 200 ký tự ASCII in được',
  }),
  idempotencyConflict: define<string>({
    kind: 'conflict',
    code: 'idempotency_conflict',
    field: (h) => h,
    en: 'was already used with a different body',
    vi: (h) => `${h} đã được dùng cho một phản ánh khác`,
    reasonVi: 'đã được dùng cho một phản ánh khác',
  }),
  idempotencyBusy: define({
    kind: 'conflict',
    code: 'idempotency_busy',
    en: 'The same submission is being processed; retry',
    vi: 'Lần gửi giống hệt đang được xử lý, vui lòng thử lại',
  }),
  slugTaken: define({
    kind: 'conflict',
    code: 'slug_taken',
    field: 'slug',
    en: 'is already issued',
    vi: 'Mã ứng dụng đã tồn tại',
  }),
  mappingNameTaken: define({
    kind: 'conflict',
    code: 'name_taken',
    field: 'name',
    en: 'is the name of another mapping',
    vi: 'Tên này đã được dùng cho bảng ánh xạ khác',
  }),
  usernameTaken: define({
    kind: 'conflict',
    code: 'username_taken',
    field: 'username',
    en: 'is taken',
    vi: 'Tên đăng nhập đã tồn tại',
  }),
  inviteNotNeeded: define({
    kind: 'conflict',
    code: 'invite_not_needed',
    en: 'This account already has a password or is deactivated',
    vi: 'Tài khoản đã có mật khẩu hoặc đã bị khóa',
  }),
  agencyRequired: define<string>({
    kind: 'invalid',
    code: 'validation_failed',
    field: 'agencyId',
    en: (role) => `is required for ${role}`,
    vi: (role) => `Cần chọn cơ quan cho vai trò ${role}`,
  }),
  cannotDemoteSelf: define({
    kind: 'invalid',
    code: 'validation_failed',
    field: 'active',
    en: 'administrators cannot deactivate or demote themselves',
    vi: 'Quản trị viên không thể tự khóa hoặc hạ quyền mình',
  }),
  cannotEndRule: define<{ id: string; effectiveTo: string }>({
    kind: 'conflict',
    code: 'cannot_end',
    en: (p) => `Rule ${p.id} does not exist or starts on or after ${p.effectiveTo}`,
    vi: (p) => `Không thể kết thúc quy tắc ${p.id}: quy tắc không tồn tại hoặc bắt đầu từ ${p.effectiveTo} trở đi`,
    fields: () => [fieldIssue('effectiveTo', reasons.afterRuleStarts)],
  }),
  staleVersion: define<number>({
    kind: 'conflict',
    code: 'stale_version',
    en: (v) => `The report changed (version ${v}); reload it`,
    vi: (v) => `Phản ánh vừa được cập nhật (phiên bản ${v}), vui lòng tải lại`,
  }),
  illegalTransition: define<{ from: string; to: string }>({
    kind: 'conflict',
    code: 'illegal_transition',
    en: (p) => `A report cannot go from ${p.from} to ${p.to}`,
    vi: (p) => `Không thể chuyển từ ${p.from} sang ${p.to}`,
  }),
  roleMayNotMove: define<{ role: string; to: string }>({
    kind: 'forbidden',
    code: 'forbidden',
    en: (p) => `Role ${p.role} may not move a report to ${p.to}`,
    vi: (p) => `Vai trò ${p.role} không được chuyển phản ánh sang ${p.to}`,
  }),
  outsideRemit: define({
    kind: 'forbidden',
    code: 'forbidden',
    en: 'This report is outside your agency or unit',
    vi: 'Phản ánh không thuộc đơn vị của bạn',
  }),
  useMerge: define<string>({
    kind: 'conflict',
    code: 'use_merge',
    en: (to) => `Moving to ${to} is done with POST /api/v1/reports/:id/merge`,
    vi: (to) => `Chuyển sang ${to} phải dùng chức năng gộp phản ánh (POST /api/v1/reports/:id/merge)`,
  }),
  reopenWindowPassed: define<number>({
    kind: 'conflict',
    code: 'reopen_window_passed',
    en: (h) => `Reports can be reopened within ${h} hours of resolution`,
    vi: (h) => `Chỉ mở lại được trong ${h} giờ kể từ khi xử lý xong`,
  }),
  requiredToMove: define<{ field: string; to: string }>({
    kind: 'invalid',
    code: 'validation_failed',
    field: (p) => p.field,
    en: (p) => `is required to move to ${p.to}`,
    vi: (p) => `Thiếu thông tin bắt buộc để chuyển sang ${p.to}: ${REQUIRED_VI[p.field] ?? p.field}`,
  }),
  badRejectReason: define<readonly string[]>({
    kind: 'invalid',
    code: 'validation_failed',
    field: 'reason',
    en: (r) => `must be one of ${r.join(', ')}`,
    vi: (r) => `Lý do từ chối phải là một trong: ${r.join(', ')}`,
  }),
  noSuchUnit: define({
    kind: 'invalid',
    code: 'validation_failed',
    field: 'unitId',
    en: 'no such unit',
    vi: 'Không có đội này',
  }),
  mayNotAssign: define({
    kind: 'forbidden',
    code: 'forbidden',
    en: 'You may not assign this report to this unit',
    vi: 'Bạn không được giao phản ánh này cho đội này',
  }),
  alreadyAssigned: define({
    kind: 'conflict',
    code: 'already_assigned',
    en: 'The report is already with this unit',
    vi: 'Phản ánh đã giao cho đội này',
  }),
  unitBusy: define<{ unitId: string; status: string }>({
    kind: 'conflict',
    code: 'unit_busy',
    en: (p) => `Unit ${p.unitId} is ${p.status}`,
    vi: (p) => `Đội ${p.unitId} đang ở trạng thái ${p.status}`,
  }),
  reassignNeedsNote: define({
    kind: 'invalid',
    code: 'validation_failed',
    field: 'note',
    en: 'is required to reassign a report',
    vi: 'Thiếu thông tin bắt buộc: lý do giao lại',
  }),
  onlyUnitReportsPosition: define({
    kind: 'forbidden',
    code: 'forbidden',
    en: 'Only the unit itself reports its position',
    vi: 'Chỉ đội được cập nhật vị trí của mình',
  }),
  mayNotChangeUnit: define({
    kind: 'forbidden',
    code: 'forbidden',
    en: 'You may not change this unit',
    vi: 'Bạn không được thay đổi đội này',
  }),
  mergeCycle: define({
    kind: 'conflict',
    code: 'merge_cycle',
    en: 'A report cannot be merged into itself or into an incident it leads',
    vi: 'Không thể gộp phản ánh vào chính nó hoặc vào vụ việc do nó đứng đầu',
    fields: () => [fieldIssue('into', reasons.ownIncident)],
  }),
  targetClosed: define<string>({
    kind: 'conflict',
    code: 'target_closed',
    en: (s) => `Cannot merge into a ${s} report`,
    vi: (s) => `Không thể gộp vào phản ánh đang ở trạng thái ${s}`,
  }),
  isIncidentPrimary: define({
    kind: 'conflict',
    code: 'is_incident_primary',
    en: 'This report leads an incident: merge the others into it instead',
    vi: 'Phản ánh này là phản ánh chính của một vụ việc: hãy gộp các phản ánh khác vào nó',
  }),
  bulkItemFailed: define<{
    id: string;
    index: number;
    cause: { kind: ErrorKind; code: string; message: string; messageVi?: string };
  }>({
    kind: (p) => p.cause.kind,
    code: (p) => p.cause.code,
    en: (p) => `Report ${p.id}: ${p.cause.message}; nothing was changed`,
    vi: (p) => `Phản ánh ${p.id}: ${p.cause.messageVi ?? p.cause.message}; chưa thay đổi phản ánh nào`,
    fields: (p) => [
      { field: `ids.${p.index}`, reason: p.cause.message, reasonVi: p.cause.messageVi ?? p.cause.message },
    ],
  }),
  notResolvedToRate: define({
    kind: 'conflict',
    code: 'not_resolved',
    en: 'Only a resolved report can be rated',
    vi: 'Chỉ đánh giá được phản ánh đã xử lý xong',
  }),
  notResolvedToConfirm: define({
    kind: 'conflict',
    code: 'not_resolved',
    en: 'Only a resolved report can be confirmed',
    vi: 'Chỉ xác nhận được phản ánh đã xử lý xong',
  }),
  reopenMerged: define({
    kind: 'conflict',
    code: 'merged',
    en: 'This report follows its incident; reopen is for the incident',
    vi: 'Phản ánh đã được gộp vào một vụ việc: hãy mở lại vụ việc đó',
  }),
  reporterReopenWindowPassed: define({
    kind: 'conflict',
    code: 'reopen_window_passed',
    en: 'A report can be reopened within 7 days of its resolution',
    vi: 'Chỉ mở lại được trong 7 ngày kể từ khi xử lý xong',
  }),
  alertNotPending: define<{ id: string; state: string }>({
    kind: 'conflict',
    code: 'not_pending',
    en: (p) => `Alert ${p.id} is ${p.state}, not waiting for approval`,
    vi: (p) => `Cảnh báo ${p.id} đang ở trạng thái ${p.state}, không chờ duyệt`,
  }),
  alertNotActive: define<{ id: string; state: string }>({
    kind: 'conflict',
    code: 'not_active',
    en: (p) => `Alert ${p.id} is ${p.state}: it cannot be changed`,
    vi: (p) => `Cảnh báo ${p.id} đang ở trạng thái ${p.state}: không thể thay đổi`,
  }),
  updatePending: define<string>({
    kind: 'conflict',
    code: 'update_pending',
    en: (id) => `Alert ${id} already has an update waiting for approval`,
    vi: (id) => `Cảnh báo ${id} đã có một bản cập nhật đang chờ phê duyệt`,
  }),
  twoPersonRule: define({
    kind: 'forbidden',
    code: 'two_person_rule',
    en: 'A second publisher, not the author, must approve a Severe or Extreme alert',
    vi: 'Cảnh báo mức Nghiêm trọng/Cực kỳ nghiêm trọng phải do một người khác phê duyệt',
  }),
  startAfterEnd: define({
    kind: 'bad_request',
    code: 'validation_failed',
    field: 'start_date',
    en: 'must not be after end_date',
    vi: 'Ngày bắt đầu (start_date) không được sau ngày kết thúc (end_date)',
  }),
};
