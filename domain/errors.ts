// Named errors a domain operation may end with, in the product's two languages. Commands throw these;
// one middleware at the HTTP edge (ingest/http-error.ts) maps each kind to a status. No HTTP here.

/** What went wrong, as the caller must hear it; the edge decides how (HTTP status, Open311 code, socket message). */
export type ErrorKind =
  'bad_request' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'invalid' | 'too_many' | 'unavailable';

export interface FieldIssue {
  field: string;
  reason: string;
}

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly messageVi?: string,
    readonly fields?: FieldIssue[],
  ) {
    super(message);
  }
}

/** The errors many operations share, said the same way everywhere. */
export const errors = {
  unauthenticated: () =>
    new DomainError('unauthenticated', 'unauthenticated', 'Sign in as staff', 'Cần đăng nhập cán bộ'),
  forbidden: (en: string, vi = 'Bạn không có quyền thực hiện thao tác này') =>
    new DomainError('forbidden', 'forbidden', en, vi),
  notFound: (what: string, vi = 'Không tìm thấy') => new DomainError('not_found', 'not_found', `${what} not found`, vi),
  invalid: (fields: FieldIssue[], vi = 'Dữ liệu không hợp lệ') =>
    new DomainError(
      'invalid',
      'validation_failed',
      `Invalid input: ${fields.map((f) => `${f.field}: ${f.reason}`).join('; ')}`,
      vi,
      fields,
    ),
};
