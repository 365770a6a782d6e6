// Requests Node's HTTP parser refuses before Koa sees them (headers too large, malformed request line) still get
// the product's JSON error shape instead of a bare status line.
import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorDTO } from './presenters/dto.ts';
import { errorBody, errors } from '../domain/errors.ts';
import { STATUS_OF } from './http-error.ts';

function answerFor(code: string | undefined): [number, ErrorDTO] {
  const e =
    code === 'HPE_HEADER_OVERFLOW'
      ? errors.headersTooLarge()
      : code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? errors.requestTooSlow()
        : errors.malformedRequest();
  return [STATUS_OF[e.kind], errorBody(e)];
}

export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, dto] = answerFor(err.code);
    const body = JSON.stringify(dto);
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
