// One error type and one middleware so every failure leaves in the stable ErrorDTO shape.
import type { Context, Next } from 'koa';
import { DomainError, errorBody, errors, type ErrorKind } from '../domain/errors.ts';
import type { ErrorDTO } from './presenters/dto.ts';

/** The one place a domain error's kind becomes an HTTP status. */
export const STATUS_OF: Record<ErrorKind, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  too_slow: 408,
  conflict: 409,
  too_large: 413,
  unsupported_type: 415,
  invalid: 422,
  too_many: 429,
  headers_too_large: 431,
  internal: 500,
  unavailable: 503,
};

/** How a thrown error is answered: its status and the catalogue entry that words it; an `unexpected` one is logged. */
export interface Answer {
  status: number;
  error: DomainError;
  unexpected: boolean;
}

/** The one reading of any thrown error, shared by the JSON edge here and Open311's (routes/open311/format.ts). */
export function answerOf(err: unknown): Answer {
  if (err instanceof DomainError) return { status: STATUS_OF[err.kind], error: err, unexpected: false };
  const e = err as { status?: number; expose?: boolean; type?: string; message?: string };
  if (e.status && e.status < 500 && e.expose !== false) {
    // Koa and the body parser throw 4xx for malformed bodies: keep the status, normalise the shape.
    const json = e.type === 'entity.parse.failed' || /JSON/.test(e.message ?? '');
    const message = e.message ?? 'bad request';
    return { status: e.status, error: json ? errors.invalidJson(message) : errors.badBody(message), unexpected: false };
  }
  const [error, unexpected] = isCorruptBody(err)
    ? // A body that claims an encoding it does not have (garbage deflate, a truncated gzip) is the caller's fault.
      [errors.undecodableBody(), false]
    : isInvalidValue(err)
      ? // Postgres refused a value (class 22: out of range, bad encoding): the input's fault, whatever let it through.
        [errors.invalidValue(), true]
      : isDatabaseUnavailable(err)
        ? // The client may retry (its Retry-After): nothing was acknowledged, so nothing is lost.
          [errors.databaseUnavailable(), false]
        : [errors.internal(), true];
  return { status: STATUS_OF[error.kind], error, unexpected };
}

/** Facts an entry carries for the edge (e.g. a budget's retryAfterS) become headers. */
export function setRetryAfter(ctx: Context, e: DomainError): void {
  const retryAfterS = (e as { retryAfterS?: unknown }).retryAfterS;
  if (typeof retryAfterS === 'number') ctx.set('Retry-After', String(retryAfterS));
}

export async function errorMiddleware(ctx: Context, next: Next): Promise<void> {
  try {
    await next();
  } catch (err) {
    const { status, error, unexpected } = answerOf(err);
    ctx.status = status;
    ctx.body = errorBody(error) satisfies ErrorDTO;
    setRetryAfter(ctx, error);
    if (unexpected) ctx.app.emit('error', err, ctx);
  }
}

function isCorruptBody(err: unknown): boolean {
  const code = (err as { code?: string })?.code ?? '';
  return code.startsWith('Z_') || code === 'ERR_ZLIB_INITIALIZATION_FAILED';
}

/** SQLSTATE class 22 (data exception): a value the database will not hold. */
export function isInvalidValue(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}

export function isDatabaseUnavailable(err: unknown): boolean {
  const code = (err as { code?: string })?.code ?? '';
  const message = (err as { message?: string })?.message ?? '';
  return (
    // 57014: a statement timeout (the public read pool's); 53300: no connection slot left.
    ['ECONNREFUSED', 'ECONNRESET', '57014', '53300', '57P01', '57P02', '57P03', '08006', '08003', '08001'].includes(
      code,
    ) ||
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(
      message,
    )
  );
}
