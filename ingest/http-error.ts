// One error type and one middleware so every failure leaves in the stable ErrorDTO shape.
import type { Context, Next } from 'koa';
import { DomainError, type ErrorKind } from '../domain/errors.ts';
import type { ErrorDTO } from './presenters/dto.ts';

export type { FieldIssue } from '../domain/errors.ts';
import type { FieldIssue } from '../domain/errors.ts';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageVi?: string,
    readonly fields?: FieldIssue[],
  ) {
    super(message);
  }
}

/** The one place a domain error's kind becomes an HTTP status. */
export const STATUS_OF: Record<ErrorKind, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 422,
  too_many: 429,
  unavailable: 503,
};

export function toHttpError(e: DomainError): HttpError {
  return Object.assign(new HttpError(STATUS_OF[e.kind], e.code, e.message, e.messageVi, e.fields), {
    // Extra facts a command attached (e.g. retryAfterS) travel with it.
    ...Object.fromEntries(Object.entries(e).filter(([k]) => !['kind', 'code', 'messageVi', 'fields'].includes(k))),
  });
}

/** Innermost: commands speak domain errors; every middleware outside this one sees HttpError as before. */
export async function domainErrorsToHttp(_ctx: Context, next: Next): Promise<void> {
  try {
    await next();
  } catch (err) {
    throw err instanceof DomainError ? toHttpError(err) : err;
  }
}

function body(e: HttpError): ErrorDTO {
  return { error: { code: e.code, message: e.message, messageVi: e.messageVi, fields: e.fields } };
}

export async function errorMiddleware(ctx: Context, next: Next): Promise<void> {
  try {
    await next();
  } catch (err) {
    const e = err as { status?: number; expose?: boolean; type?: string; message?: string };
    if (err instanceof HttpError) {
      ctx.status = err.status;
      ctx.body = body(err);
    } else if (e.status && e.status < 500 && e.expose !== false) {
      // Koa and the body parser throw 4xx for malformed bodies: keep the status, normalise the shape.
      ctx.status = e.status;
      ctx.body = body(
        new HttpError(
          e.status,
          e.type === 'entity.parse.failed' || /JSON/.test(e.message ?? '') ? 'invalid_json' : 'bad_request',
          `body: ${e.message ?? 'bad request'}`,
          'Yêu cầu không hợp lệ',
        ),
      );
    } else if (isCorruptBody(err)) {
      // A body that claims an encoding it does not have (garbage deflate, a truncated gzip) is the caller's fault.
      ctx.status = 400;
      ctx.body = body(
        new HttpError(
          400,
          'invalid_body',
          'body: cannot be decoded with its Content-Encoding',
          'Dữ liệu không giải mã được',
        ),
      );
    } else if (isInvalidValue(err)) {
      // Postgres refused a value (class 22: out of range, bad encoding): the input's fault, whatever let it through.
      ctx.status = 422;
      ctx.body = body(
        new HttpError(422, 'invalid_value', 'A value is out of range or not valid', 'Giá trị không hợp lệ'),
      );
      ctx.app.emit('error', err, ctx);
    } else if (isDatabaseUnavailable(err)) {
      // The client may retry: nothing was acknowledged, so nothing is lost.
      ctx.status = 503;
      ctx.set('Retry-After', '1');
      ctx.body = body(
        new HttpError(
          503,
          'unavailable',
          'Database unavailable, retry shortly',
          'Cơ sở dữ liệu tạm thời không sẵn sàng, vui lòng thử lại',
        ),
      );
    } else {
      ctx.status = 500;
      ctx.body = body(new HttpError(500, 'internal', 'Internal error', 'Lỗi hệ thống'));
      ctx.app.emit('error', err, ctx);
    }
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
